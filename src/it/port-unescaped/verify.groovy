def log = new File(basedir, "build.log").text
assert log.contains("<service><args> element 1 is empty")
assert log.contains('write $${perfgate.port}')
assert !new File(basedir, "target/perfgate/service.log").exists() : "the service must not start"
