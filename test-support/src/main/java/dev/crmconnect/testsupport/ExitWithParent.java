package dev.crmconnect.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * Makes a child JVM that a test or a benchmark starts end when the process that started it ends,
 * however that one ends: a child left behind by a killed build would otherwise run on, and may
 * keep a core busy for as long as nobody notices.
 *
 * <p>The child's {@code main} calls {@link #watchParent()} first. The parent adds
 * {@link #parentPidOption()} to the child's JVM options, so that a child whose parent died before
 * it started watching (the child then belongs to another parent, {@code init} or a subreaper)
 * ends at once too; without the option the child watches whichever parent it has.
 *
 * <p>A main that must not depend on this class (a published one) is started through
 * {@link #main(String[])} instead: {@code java -cp ... dev.crmconnect.testsupport.ExitWithParent
 * <main class> <its arguments>}.
 */
public final class ExitWithParent {

    /** The system property that holds the pid of the process that started this one. */
    public static final String PARENT_PID_PROPERTY = "crmconnect.parentPid";

    /** The status a child ends with when its parent is gone. */
    public static final int EXIT_STATUS = 3;

    private ExitWithParent() {
    }

    /**
     * The JVM option a parent gives a child it starts: its own pid, in {@link #PARENT_PID_PROPERTY}.
     *
     * @return {@code -Dcrmconnect.parentPid=<this process's pid>}
     */
    public static String parentPidOption() {
        return "-D" + PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid();
    }

    /**
     * Halts this JVM as soon as its parent process ends, or at once if the parent is already gone
     * (or is not the process {@link #PARENT_PID_PROPERTY} names). Shutdown hooks do not run:
     * the child ends as if killed. Returns at once; the watch needs no thread of the caller's.
     */
    public static void watchParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Long expected = Long.getLong(PARENT_PID_PROPERTY);
        if (parent.isEmpty() || expected != null && parent.get().pid() != expected) {
            halt();
            return;
        }
        parent.get().onExit().thenRun(ExitWithParent::halt);
    }

    /**
     * Watches the parent, then runs the {@code main} of the class the first argument names with
     * the remaining arguments.
     *
     * @param args the main class's name, then its arguments
     * @throws Throwable whatever that {@code main} throws
     */
    public static void main(String[] args) throws Throwable {
        watchParent();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void halt() {
        Runtime.getRuntime().halt(EXIT_STATUS);
    }
}
