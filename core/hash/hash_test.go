package hash

import (
	"bytes"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
)

// kats are digests computed with Python's hashlib of three messages: "",
// "abc" and hashMsg (1000 bytes).
var hashKATs = []struct {
	alg  Algorithm
	want [3]string
}{
	{SHA1, [3]string{
		"da39a3ee5e6b4b0d3255bfef95601890afd80709",
		"a9993e364706816aba3e25717850c26c9cd0d89d",
		"c9c960a0b925474fab83942cc27d504fc24ac37b",
	}},
	{SHA224, [3]string{
		"d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
		"23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
		"c182669a7f6629dc7fd8a9198f15af15adbbaeffa1842e854f681357",
	}},
	{SHA256, [3]string{
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d",
	}},
	{SHA384, [3]string{
		"38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
		"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
		"7a2f8c7f12344964a13cb9260492b845e56615d6152b9eb9e54b580fc88405e64f31813bfda10de2a642fdf1676c61b4",
	}},
	{SHA512, [3]string{
		"cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
		"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
		"5096498d96f50f9a137c4db5b8b0cd38383ad55350fb5a98805fedc31fa1262f1f0cf4d6f12d7ecd8dedd933a4c9126344fe22e937a8ad35fdeae1e876ae698b",
	}},
	{SHA512_224, [3]string{
		"6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4",
		"4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa",
		"c37d5044d175f42e9993f2e3a059e14980cd85b209681dd218aa8a6b",
	}},
	{SHA512_256, [3]string{
		"c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a",
		"53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23",
		"974bc1ca87fcb8f487f65a650d1eeeebdc0cc269381b9eeb708cc4ea6d4954f2",
	}},
	{SHA3_224, [3]string{
		"6b4e03423667dbb73b6e15454f0eb1abd4597f9a1b078e3f5b5a6bc7",
		"e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf",
		"51481b8dbd6b73dd110a967f438aa22facfcdce1eb5d2b36a5ec023f",
	}},
	{SHA3_256, [3]string{
		"a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a",
		"3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532",
		"48e66a01861d0eadaacdb7a6ae7db6b9ac79242ecced4154a9fbb33c4e3cc571",
	}},
	{SHA3_384, [3]string{
		"0c63a75b845e4f7d01107d852e4c2485c51a50aaaa94fc61995e71bbee983a2ac3713831264adb47fb6bd1e058d5f004",
		"ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25",
		"43e60a7ef818a0e367fcd4ede8f5fabbdb7090cb45972bb7a84038cc3abf4fc26c4f44b59d3a0306c973b66e84c8890b",
	}},
	{SHA3_512, [3]string{
		"a69f73cca23a9ac5c8b567dc185a756e97c982164fe25859e0d1dcc1475c80a615b2123af1f5f94c11e3e9402c3ac558f500199d95b6d3e301758586281dcd26",
		"b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
		"b8030d306ae990bc794bfb3a6100f67851889d6c272257afac7d1077a18660d6ea8d0da5d2299c3ebaa0d34baf62cc58ac1fd4476506cf512a4897bb083a6fc4",
	}},
	{BLAKE2b, [3]string{
		"786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce",
		"ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
		"c11e1c0340bd7e5a1b275f1230c962fad215ecb1391486e74e31b960a2f2996381a5fad092da06841d5f26e38f6ecfeaf441acbcd1c2de61aef121e7927175f5",
	}},
	{BLAKE2s, [3]string{
		"69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9",
		"508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982",
		"1c067a5e746fb0f6734efac9a8cdb0e11061f0077f255184365c690115392501",
	}},
	{MD5, [3]string{
		"d41d8cd98f00b204e9800998ecf8427e",
		"900150983cd24fb0d6963f7d28e17f72",
		"a24f1e3ef66950e1327f210e3997ba2c",
	}},
}

// shakeKATs: hashlib.shake_128/shake_256(msg).hexdigest(size).
var shakeKATs = []struct {
	alg  Algorithm
	size int
	msg  int // index into hashMsgs
	want string
}{
	{SHAKE128, 1, 0, "7f"},
	{SHAKE128, 1, 1, "58"},
	{SHAKE128, 1, 2, "a7"},
	{SHAKE128, 16, 0, "7f9c2ba4e88f827d616045507605853e"},
	{SHAKE128, 16, 1, "5881092dd818bf5cf8a3ddb793fbcba7"},
	{SHAKE128, 32, 2, "a72440f7f5aa7c14c8e0187420611da7e2ba62f5bb2e88a91b9c9448cac30078"},
	{SHAKE128, 64, 1, "5881092dd818bf5cf8a3ddb793fbcba74097d5c526a6d35f97b83351940f2cc844c50af32acd3f2cdd066568706f509bc1bdde58295dae3f891a9a0fca578378"},
	{SHAKE128, 200, 2, "a72440f7f5aa7c14c8e0187420611da7e2ba62f5bb2e88a91b9c9448cac30078cc321c13735bc6799f955dea38f171355b3ebccc9a09639b92f0f2f91ba0d6d415d366c872dcfa18d715bb12041115850d1096489070d2febf2ffd986f53de7db306585567056f53553d68f789766711d9a0585dda15ff0b8ade8f6de3131ffa5bec44a58bc041e1818b713e0d6613ab401da4772b05cac9ba879bff4d97e68a84716528a4b9fb7e7ad47fbb929819bd47dea3f407a8d14285e2ab4f96a07f13312d73f25c0b28a4"},
	{SHAKE256, 1, 0, "46"},
	{SHAKE256, 1, 2, "34"},
	{SHAKE256, 16, 1, "483366601360a8771c6863080cc4114d"},
	{SHAKE256, 32, 0, "46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"},
	{SHAKE256, 64, 2, "34833f03ed88bb5f083ce590c7ae5af93ede33e11f53c70e47916c7044746acbdca19a73ff13905e91f8dc25ce6e41ae59fe75441bd548dda9114aca1da71802"},
	{SHAKE256, 200, 1, "483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739d5a15bef186a5386c75744c0527e1faa9f8726e462a12a4feb06bd8801e751e41385141204f329979fd3047a13c5657724ada64d2470157b3cdc288620944d78dbcddbd912993f0913f164fb2ce95131a2d09a3e6d51cbfc622720d7a75c6334e8a2d7ec71a7cc29cf0ea610eeff1a588290a53000faa79932becec0bd3cd0b33a7e5d397fed1ada9442b99903f4dcfd8559ed3950faf40fe6f3b5d710ed3b677513771af6bfe119"},
}

var hashMsgs = func() [3][]byte {
	long := make([]byte, 1000)
	for i := range long {
		long[i] = byte(i % 251)
	}
	return [3][]byte{{}, []byte("abc"), long}
}()

func hashHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// allHashCases yields every KAT as (alg, digestSize, message, digest).
func allHashCases(t *testing.T, fn func(alg Algorithm, size int, msg, want []byte)) {
	for _, k := range hashKATs {
		for i, m := range hashMsgs {
			fn(k.alg, 0, m, hashHex(t, k.want[i]))
		}
	}
	for _, k := range shakeKATs {
		fn(k.alg, k.size, hashMsgs[k.msg], hashHex(t, k.want))
	}
}

func TestHashKnownAnswers(t *testing.T) {
	covered := map[Algorithm]bool{}
	allHashCases(t, func(alg Algorithm, size int, msg, want []byte) {
		covered[alg] = true
		got, err := Digest(alg, size, msg)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("Digest(%s, %d, %d bytes) = %x, %v; want %x", alg.Name(), size, len(msg), got, err, want)
		}
		dst := make([]byte, len(want))
		if err := DigestTo(dst, alg, msg); err != nil || !bytes.Equal(dst, want) {
			t.Errorf("DigestTo(%s) = %x, %v; want %x", alg.Name(), dst, err, want)
		}
		// Incremental, in uneven pieces.
		h, err := New(alg, size)
		if err != nil {
			t.Fatalf("New(%s, %d): %v", alg.Name(), size, err)
		}
		if h.Size() != len(want) || h.Algorithm() != alg {
			t.Errorf("%s: Size() = %d, Algorithm() = %v", alg.Name(), h.Size(), h.Algorithm())
		}
		for rest, n := msg, 1; len(rest) > 0; n = n*3 + 1 {
			n = min(n, len(rest))
			if err := h.Update(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		got, err = h.Finalize()
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s incremental = %x, %v; want %x", alg.Name(), got, err, want)
		}
	})
	for alg := SHA1; alg <= MD5; alg++ {
		if !covered[alg] {
			t.Errorf("no known answer for %s", alg.Name())
		}
	}
}

func TestHashCopy(t *testing.T) {
	allHashCases(t, func(alg Algorithm, size int, msg, want []byte) {
		h, _ := New(alg, size)
		half := len(msg) / 2
		h.Update(msg[:half])
		c, err := h.Copy()
		if err != nil {
			t.Fatalf("%s: Copy: %v", alg.Name(), err)
		}
		// The copy diverges: feed it garbage and finalize it first.
		c2, _ := c.Copy()
		c.Update([]byte("something else"))
		other, _ := c.Finalize()
		h.Update(msg[half:])
		got, err := h.Finalize()
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: original after copy = %x, %v; want %x", alg.Name(), got, err, want)
		}
		if bytes.Equal(other, want) && len(want) > 1 {
			t.Errorf("%s: copy shares state with the original", alg.Name())
		}
		// A copy of a copy, finalized after the original, sees only its own data.
		c2.Update(msg[half:])
		got2, err := c2.Finalize()
		if err != nil || !bytes.Equal(got2, want) {
			t.Errorf("%s: copy = %x, %v; want %x", alg.Name(), got2, err, want)
		}
	})
}

func TestHashFinalized(t *testing.T) {
	for alg := SHA1; alg <= MD5; alg++ {
		size := 0
		if alg.IsXOF() {
			size = 17
		}
		h, err := New(alg, size)
		if err != nil {
			t.Fatal(err)
		}
		// A wrong-size buffer does not finalize.
		if err := h.FinalizeTo(make([]byte, h.Size()-1)); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: FinalizeTo(short) = %v", alg.Name(), err)
		}
		if err := h.FinalizeTo(make([]byte, h.Size()+1)); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: FinalizeTo(long) = %v", alg.Name(), err)
		}
		if h.Finalized() {
			t.Errorf("%s: finalized by a failed FinalizeTo", alg.Name())
		}
		if err := h.FinalizeTo(make([]byte, h.Size())); err != nil {
			t.Errorf("%s: FinalizeTo: %v", alg.Name(), err)
		}
		if !h.Finalized() {
			t.Errorf("%s: not finalized", alg.Name())
		}
		checkFinalized := func(what string, err error) {
			t.Helper()
			if !errors.Is(err, core.ErrAlreadyFinalized) {
				t.Errorf("%s: %s after finalize = %v, want core.ErrAlreadyFinalized", alg.Name(), what, err)
			} else if want := "Context was already finalized."; !bytes.Contains([]byte(err.Error()), []byte(want)) {
				t.Errorf("%s: %s error %q lacks pyca's message", alg.Name(), what, err)
			}
		}
		checkFinalized("Update", h.Update([]byte("x")))
		_, err = h.Copy()
		checkFinalized("Copy", err)
		_, err = h.Finalize()
		checkFinalized("Finalize", err)
		checkFinalized("FinalizeTo", h.FinalizeTo(make([]byte, h.Size())))
	}
}

func TestHashSizes(t *testing.T) {
	for alg := SHA1; alg <= MD5; alg++ {
		if !alg.Valid() || alg.Name() == "" || alg.BlockSize() == 0 {
			t.Errorf("%d: incomplete table entry", alg)
		}
		if alg.IsXOF() {
			for _, bad := range []int{0, -1} {
				if _, err := New(alg, bad); !errors.Is(err, core.ErrInvalidArgument) {
					t.Errorf("%s(%d): %v, want core.ErrInvalidArgument", alg.Name(), bad, err)
				}
			}
			if _, err := alg.New(); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
				t.Errorf("%s.New() = %v", alg.Name(), err)
			}
			// Any positive size; a prefix property holds.
			long, _ := Digest(alg, 1000, []byte("abc"))
			for _, n := range []int{1, 2, 31, 168, 169, 999} {
				d, err := Digest(alg, n, []byte("abc"))
				if err != nil || !bytes.Equal(d, long[:n]) {
					t.Errorf("%s(%d) = %x, %v", alg.Name(), n, d, err)
				}
			}
			if err := DigestTo(nil, alg, nil); !errors.Is(err, core.ErrInvalidArgument) {
				t.Errorf("DigestTo(empty, %s) = %v", alg.Name(), err)
			}
			continue
		}
		h, err := alg.New()
		if err != nil || h.Size() != alg.Size() || h.BlockSize() != alg.BlockSize() {
			t.Errorf("%s: table says %d/%d, stdhash.Hash %v", alg.Name(), alg.Size(), alg.BlockSize(), err)
		}
		if alg.Size() > MaxDigestSize {
			t.Errorf("%s: larger than MaxDigestSize (CRYPTOGO_HASH_DIGESTBYTES_MAX)", alg.Name())
		}
		for _, ok := range []int{0, alg.Size()} {
			if n, err := alg.OutputSize(ok); err != nil || n != alg.Size() {
				t.Errorf("%s.OutputSize(%d) = %d, %v", alg.Name(), ok, n, err)
			}
		}
		for _, bad := range []int{-1, 1, alg.Size() - 1, alg.Size() + 1} {
			if _, err := New(alg, bad); !errors.Is(err, core.ErrInvalidArgument) {
				t.Errorf("New(%s, %d) = %v, want core.ErrInvalidArgument", alg.Name(), bad, err)
			}
		}
		for _, bad := range []int{0, alg.Size() - 1, alg.Size() + 1} {
			if err := DigestTo(make([]byte, bad), alg, nil); !errors.Is(err, core.ErrInvalidArgument) {
				t.Errorf("DigestTo(%d bytes, %s) = %v", bad, alg.Name(), err)
			}
		}
	}
	// pyca's messages for BLAKE2 and SHAKE.
	if _, err := New(BLAKE2b, 32); err == nil || !bytes.Contains([]byte(err.Error()), []byte("Digest size must be 64")) {
		t.Errorf("BLAKE2b(32): %v", err)
	}
	if _, err := New(BLAKE2s, 16); err == nil || !bytes.Contains([]byte(err.Error()), []byte("Digest size must be 32")) {
		t.Errorf("BLAKE2s(16): %v", err)
	}
	if _, err := New(SHAKE128, 0); err == nil || !bytes.Contains([]byte(err.Error()), []byte("digest_size must be a positive integer")) {
		t.Errorf("SHAKE128(0): %v", err)
	}
	for _, bad := range []Algorithm{0, -1, SM3 + 1, 1000} {
		if bad.Valid() {
			t.Errorf("Algorithm(%d).Valid()", bad)
		}
		if _, err := New(bad, 0); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("New(%d) = %v", bad, err)
		}
		if _, err := Digest(bad, 32, nil); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("Digest(%d) = %v", bad, err)
		}
	}
}

// FinalizeTo writes into the caller's buffer without allocating.
func TestHashFinalizeToNoAlloc(t *testing.T) {
	for _, alg := range []Algorithm{SHA256, SHA3_256, BLAKE2b, SHAKE128} {
		size := 0
		if alg.IsXOF() {
			size = 32
		}
		hs := make([]*Hasher, 200)
		for i := range hs {
			hs[i], _ = New(alg, size)
		}
		dst := make([]byte, hs[0].Size())
		i := 0
		allocs := testing.AllocsPerRun(100, func() {
			hs[i].FinalizeTo(dst)
			i++
		})
		if allocs > 0 {
			t.Errorf("%s: FinalizeTo allocates %.1f times", alg.Name(), allocs)
		}
		want, _ := Digest(alg, size, nil)
		if !bytes.Equal(dst, want) {
			t.Errorf("%s: FinalizeTo wrote %x, want %x", alg.Name(), dst, want)
		}
	}
}

// Separate Hashers are independent under concurrency (run with -race).
func TestHashConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for alg := SHA1; alg <= MD5; alg++ {
		size := 0
		if alg.IsXOF() {
			size = 48
		}
		h, _ := New(alg, size)
		h.Update([]byte("shared prefix"))
		want, _ := Digest(alg, size, []byte("shared prefix and more"))
		for range 4 {
			c, err := h.Copy()
			if err != nil {
				t.Fatal(err)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				c.Update([]byte(" and more"))
				if got, _ := c.Finalize(); !bytes.Equal(got, want) {
					t.Errorf("%s: concurrent copy = %x", alg.Name(), got)
				}
			}()
		}
	}
	wg.Wait()
}

// BenchmarkDigestTo measures the one-shot digest into a caller buffer (the C
// ABI's cryptogo_hash_digest) at the C benchmark's sizes, beside the standard
// library's one-shot Sum alone ("stdlib/..."), so that what DigestTo adds
// shows.
func BenchmarkDigestTo(b *testing.B) {
	stdlib := map[Algorithm]func([]byte){
		SHA256:   func(d []byte) { sha256.Sum256(d) },
		SHA512:   func(d []byte) { sha512.Sum512(d) },
		SHA3_256: func(d []byte) { sha3.Sum256(d) },
	}
	for _, alg := range []Algorithm{SHA256, SHA512, SHA3_256} {
		for _, n := range []int{64, 1 << 20} {
			data, dst := make([]byte, n), make([]byte, alg.Size())
			name := alg.Name() + "/" + strconv.Itoa(n)
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					if err := DigestTo(dst, alg, data); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("stdlib/"+name, func(b *testing.B) {
				b.SetBytes(int64(n))
				for b.Loop() {
					stdlib[alg](data)
				}
			})
		}
	}
}
