# Sourced by bin/herald and bin/class-data-archive: which class-data archive a jar gets, and the JVM options that
# write and use it. Herald runs on $JAVA_HOME/bin/java when JAVA_HOME is set, else on the java on PATH. From JDK 25
# on the archive is an AOT cache (JEP 483, 514, 515: the classes loaded and linked, and method profiles, which a
# plain class-data archive cannot hold), before it an AppCDS archive.
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# java_feature_version: the feature release of $JAVA (17, 25, ...)
java_feature_version() {
  "$JAVA" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9]*\).*/\1/p'
}

# class_data_archive_of RUNNER_JAR: the archive of that jar for $JAVA
class_data_archive_of() {
  local feature
  feature=$(java_feature_version)
  if (( ${feature:-0} >= 25 )); then echo "${1%.jar}.aot"; else echo "${1%.jar}.jsa"; fi
}

# class_data_option ARCHIVE: the option that starts the JVM with the archive
class_data_option() {
  case $1 in
    *.aot) echo "-XX:AOTCache=$1" ;;
    *) echo "-XX:SharedArchiveFile=$1" ;;
  esac
}

# class_data_output_option ARCHIVE: the option that has a training run write the archive when it exits
class_data_output_option() {
  case $1 in
    *.aot) echo "-XX:AOTCacheOutput=$1" ;;
    *) echo "-XX:ArchiveClassesAtExit=$1" ;;
  esac
}
