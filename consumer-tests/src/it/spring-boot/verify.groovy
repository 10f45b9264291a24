// Both builds ran their tests and passed (a skipped or empty run would not prove anything).
['boot-3', 'boot-4'].each { build ->
    def report = new File(basedir, "target/${build}/surefire-reports/TEST-example.SpringBootConsumerTest.xml")
    assert report.isFile() : "${build}: no test report: the consumer test did not run"
    assert report.text =~ /<testsuite [^>]*tests="2" errors="0" skipped="0" failures="0"/
}
true  // a script that returns anything but true or null fails the build
