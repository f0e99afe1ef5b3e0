package core

// Version is libcrypto-go's version (semantic versioning).
const Version = "0.1.0"
