// The consumer's tests ran and passed (a skipped or empty run would not prove anything).
def report = new File(basedir, 'target/surefire-reports/TEST-example.JacksonTooOldTest.xml')
assert report.isFile() : 'no test report: the consumer test did not run'
assert report.text =~ /<testsuite [^>]*tests="1" errors="0" skipped="0" failures="0"/
