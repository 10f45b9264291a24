package dev.crmconnect.sdk;

import dev.crmconnect.sdk.poller.NoticeFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules of the public API's shape, as a checker that returns the problems it finds, each
 * naming the class and method, so that a test can show both that the API keeps them and that the
 * checker catches a breach.
 */
final class ApiShape {

    /** Packages whose types may never appear in a public signature. */
    static final List<String> FORBIDDEN_PACKAGES = List.of("com.fasterxml.jackson.", "com.github.tomakehurst.",
            "dev.crmconnect.sdk.internal.");

    private ApiShape() {
    }

    /**
     * The service classes reachable from {@code root}: return types of its public instance
     * methods, and of theirs, that are classes named {@code ...Service}.
     */
    static Set<Class<?>> servicesReachableFrom(Class<?> root) {
        Set<Class<?>> services = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            for (Method m : publicInstanceMethods(queue.poll())) {
                Class<?> type = m.getReturnType();
                if (type.getSimpleName().endsWith("Service") && services.add(type)) {
                    queue.add(type);
                }
            }
        }
        return services;
    }

    /**
     * What breaks the shape of a service: not a final class of its own, or an operation that is
     * not a full ladder {@code op(args)}, {@code op(args, RequestOptions)}, {@code opAsync(args)},
     * {@code opAsync(args, RequestOptions)}, or a listing named or typed otherwise than
     * {@code list}/{@code listBy...} returning {@link PagedIterable} and, async, a future of a {@link Page}.
     */
    static List<String> ladderProblems(Class<?> service) {
        String name = service.getSimpleName();
        List<String> problems = new ArrayList<>();
        if (!Modifier.isFinal(service.getModifiers())) {
            problems.add(name + ": must be a final class");
        }
        if (service.getSuperclass() != Object.class || service.getInterfaces().length > 0) {
            problems.add(name + ": must not extend or implement a shared base");
        }
        if (Arrays.stream(service.getConstructors()).findAny().isPresent()) {
            problems.add(name + ": must have no public constructor; the client builds it");
        }
        Map<String, List<Method>> operations = new TreeMap<>();
        for (Method m : publicInstanceMethods(service)) {
            if (!isAccessor(m)) {
                String op = m.getName().endsWith("Async")
                        ? m.getName().substring(0, m.getName().length() - "Async".length()) : m.getName();
                operations.computeIfAbsent(op, k -> new ArrayList<>()).add(m);
            }
        }
        operations.forEach((op, members) -> problems.addAll(ladder(name, op, members)));
        return problems;
    }

    /** Methods that make no call: another service, or the poller's view of the feed. */
    private static boolean isAccessor(Method m) {
        return m.getReturnType().getSimpleName().endsWith("Service") || m.getReturnType() == NoticeFeed.class;
    }

    /**
     * The problems of one operation's members: each {@code op(args)} must have its three other
     * rungs, and the operation no member beyond them.
     */
    private static List<String> ladder(String service, String op, List<Method> members) {
        List<String> problems = new ArrayList<>();
        List<Method> sync = members.stream().filter(m -> m.getName().equals(op)).toList();
        List<Method> async = members.stream().filter(m -> !m.getName().equals(op)).toList();
        List<Method> bases = sync.stream().filter(m -> !endsWithOptions(m))
                .sorted(java.util.Comparator.comparing(ApiShape::signature)).toList();
        if (bases.isEmpty()) {
            problems.add(service + "." + op + ": no " + op + "(args) for " + signature(members.get(0)));
        }
        for (Method plain : bases) {
            List<Type> args = List.of(plain.getGenericParameterTypes());
            Type result = plain.getGenericReturnType();
            Type asyncResult = asyncResultOf(result);
            List<Type> withOptions = Stream.concat(args.stream(), Stream.of(RequestOptions.class)).toList();
            expect(problems, service, sync, op, withOptions, result);
            expect(problems, service, async, op + "Async", args, future(asyncResult));
            expect(problems, service, async, op + "Async", withOptions, future(asyncResult));
            shape(problems, service, op, plain);
        }
        if (members.size() != 4) {
            problems.add(service + "." + op + ": has " + members.size() + " members, the ladder has exactly 4: "
                    + members.stream().map(ApiShape::signature).sorted().collect(Collectors.joining(", ")));
        }
        return problems;
    }

    /** What the sync form returns, and the name that goes with a listing. */
    private static void shape(List<String> problems, String service, String op, Method plain) {
        Class<?> result = plain.getReturnType();
        if (result == CompletableFuture.class) {
            problems.add(service + "." + signature(plain) + ": the sync form must not return a future");
        }
        if (result == Page.class) {
            problems.add(service + "." + signature(plain) + ": a sync form returns PagedIterable, not Page");
        }
        boolean listing = result == PagedIterable.class;
        boolean listName = op.equals("list") || op.matches("listBy[A-Z]\\w*");
        if (listing != listName) {
            problems.add(service + "." + signature(plain) + (listing
                    ? ": a listing must be named list or listBy<Criterion>"
                    : ": list and listBy<Criterion> must return PagedIterable"));
        }
    }

    /** A listing's async form gives its first page; any other operation's gives its sync result. */
    private static Type asyncResultOf(Type syncResult) {
        if (syncResult instanceof ParameterizedType p && p.getRawType() == PagedIterable.class) {
            return parameterized(Page.class, p.getActualTypeArguments()[0]);
        }
        return syncResult;
    }

    private static void expect(List<String> problems, String service, List<Method> candidates, String name,
                               List<Type> params, Type result) {
        String wanted = name + "(" + params.stream().map(ApiShape::typeName).collect(Collectors.joining(", ")) + ")";
        Method found = candidates.stream().filter(m -> m.getName().equals(name)
                && List.of(m.getGenericParameterTypes()).toString().equals(params.toString())).findFirst().orElse(null);
        if (found == null) {
            problems.add(service + "." + wanted + ": missing from the ladder");
        } else if (!found.getGenericReturnType().getTypeName().equals(result.getTypeName())) {
            problems.add(service + "." + wanted + ": returns " + found.getGenericReturnType().getTypeName()
                    + ", the ladder wants " + result.getTypeName());
        }
    }

    /**
     * The public and protected signatures of {@code type} (methods, constructors, fields, its
     * supertypes) that mention a type of a {@linkplain #FORBIDDEN_PACKAGES forbidden package}.
     */
    static List<String> boundaryProblems(Class<?> type) {
        List<String> problems = new ArrayList<>();
        String name = type.getName().substring(type.getPackageName().length() + 1);
        check(problems, name + " extends/implements", type.getGenericSuperclass());
        for (Type t : type.getGenericInterfaces()) {
            check(problems, name + " extends/implements", t);
        }
        for (Method m : type.getDeclaredMethods()) {
            if (isVisible(m) && !m.isSynthetic()) {
                checkExecutable(problems, name + "." + signature(m), m);
                check(problems, name + "." + signature(m) + " returns", m.getGenericReturnType());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (isVisible(c) && !c.isSynthetic()) {
                checkExecutable(problems, name + " constructor", c);
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if ((Modifier.isPublic(f.getModifiers()) || Modifier.isProtected(f.getModifiers())) && !f.isSynthetic()) {
                check(problems, name + "." + f.getName(), f.getGenericType());
            }
        }
        return problems;
    }

    private static void checkExecutable(List<String> problems, String where, Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            check(problems, where, t);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(problems, where + " throws", t);
        }
    }

    private static void check(List<String> problems, String where, Type type) {
        if (type == null) {
            return;
        }
        Set<String> mentioned = new LinkedHashSet<>();
        collect(type, mentioned, new HashSet<>());
        for (String className : mentioned) {
            if (FORBIDDEN_PACKAGES.stream().anyMatch(className::startsWith)) {
                problems.add(where + ": mentions " + className);
            }
        }
    }

    private static void collect(Type type, Set<String> out, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            out.add(element.getName());
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), out, seen);
            if (p.getOwnerType() != null) {
                collect(p.getOwnerType(), out, seen);
            }
            for (Type arg : p.getActualTypeArguments()) {
                collect(arg, out, seen);
            }
        } else if (type instanceof WildcardType w) {
            Stream.concat(Arrays.stream(w.getUpperBounds()), Arrays.stream(w.getLowerBounds()))
                    .forEach(bound -> collect(bound, out, seen));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                collect(bound, out, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), out, seen);
        }
    }

    /** Every public type of the public (not {@code internal}) packages of {@code anchor}'s artifact. */
    static List<Class<?>> publicTypesOfArtifact(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("expected the classes directory of the build, was " + root);
        }
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (className.contains(".internal.") || className.endsWith("package-info")
                        || className.matches(".*\\$\\d.*")) {
                    continue;
                }
                Class<?> type = Class.forName(className, false, anchor.getClassLoader());
                if (isExported(type)) {
                    types.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    /** Public, and each enclosing class too. */
    private static boolean isExported(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<Method> publicInstanceMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic() && !m.isBridge())
                .toList();
    }

    private static boolean isVisible(Executable e) {
        return Modifier.isPublic(e.getModifiers()) || Modifier.isProtected(e.getModifiers());
    }

    private static boolean endsWithOptions(Method m) {
        Class<?>[] params = m.getParameterTypes();
        return params.length > 0 && params[params.length - 1] == RequestOptions.class;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
    }

    static String signature(Method m) {
        return m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String typeName(Type type) {
        return raw(type).getSimpleName();
    }

    private static Type future(Type result) {
        return parameterized(CompletableFuture.class, result);
    }

    /** {@code raw<argument>}, compared by its type name. */
    private static Type parameterized(Class<?> raw, Type argument) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {argument};
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                return raw.getName() + "<" + argument.getTypeName() + ">";
            }

            @Override
            public String toString() {
                return getTypeName();
            }
        };
    }
}
