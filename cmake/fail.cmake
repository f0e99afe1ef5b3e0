# cmake -DMESSAGE=... -P fail.cmake : a CTest test that fails with a message
# (used for C tests whose exports do not exist yet).
message(FATAL_ERROR "${MESSAGE}")
