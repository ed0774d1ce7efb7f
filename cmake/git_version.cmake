# Writes generated/version/version.cc with the git commit the build is made from; run by the
# qctl_version target on every build (cmake -P), so `qctl version` never names a commit from
# an earlier configure. configure_file leaves an unchanged file alone: no rebuild then.
# In: SOURCE_DIR, BINARY_DIR, PROJECT_VERSION.
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${SOURCE_DIR} OUTPUT_VARIABLE QCTL_GIT_COMMIT
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT QCTL_GIT_COMMIT)
  set(QCTL_GIT_COMMIT "unknown")
else()
  # Tracked files changed since that commit: the binary is not that commit.
  execute_process(COMMAND git diff --quiet HEAD --
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE QCTL_GIT_DIRTY ERROR_QUIET)
  if(QCTL_GIT_DIRTY EQUAL 1)
    set(QCTL_GIT_COMMIT "${QCTL_GIT_COMMIT}-dirty")
  endif()
endif()
configure_file(${SOURCE_DIR}/core/version.cc.in ${BINARY_DIR}/generated/version/version.cc @ONLY)
