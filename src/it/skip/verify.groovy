def log = new File(basedir, "build.log").text
assert log.contains("perfgate: skipped")
assert !new File(basedir, "target/perfgate/run.json").exists()
