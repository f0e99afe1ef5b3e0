module github.com/cryptogo/libcrypto-go

go 1.27

toolchain go1.27.3

require (
	github.com/cloudflare/circl v1.6.5
	github.com/mattn/go-pointer v0.0.1
	golang.org/x/crypto v0.59.0
)

require golang.org/x/sys v0.50.0 // indirect
