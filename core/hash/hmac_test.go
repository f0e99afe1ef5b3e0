package hash

import (
	"bytes"
	"crypto/hmac"
	"errors"
	stdhash "hash"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/cryptogo/libcrypto-go/core"
)

var (
	hmacKey = func() []byte {
		k := make([]byte, 200)
		for i := range k {
			k[i] = byte(i)
		}
		return k
	}()
	hmacMsg = []byte("The quick brown fox jumps over the lazy dog")
)

// hmacKATs were computed with pyca/cryptography 48 (hmac.HMAC) over hmacMsg,
// with keys hmacKey[:0], hmacKey[:20] and hmacKey[:200] (longer than every
// block size, so hashed first).
var hmacKATs = []struct {
	alg  Algorithm
	want [3]string
}{
	{SHA1, [3]string{"2ba7f707ad5f187c412de3106583c3111d668de8", "2d0f4cf304f8b20d41e9c37465f697f207e84661", "647e1ef91aff9bae2ee91f8b90d09b8ee3ba8a77"}},
	{SHA224, [3]string{"7db2472a551b5d5586c194a94863b6277e4bf1266ff6334b8c1d52dd", "1650e443240b81e8c825e106e279bf3c5c0c9e2f7d08d8a552b5f24c", "7776e9af341cb9e8a3041d658522e693ad0c2362cd00e4c03979ae44"}},
	{SHA256, [3]string{"fb011e6154a19b9a4c767373c305275a5a69e8b68b0b4c9200c383dced19a416", "28e74a432bce0911d9d023ec95420dd77a151bbee3b9513027ca095fc0c80852", "9b75f034ad627c6ac4e0b7bd883b09870009485aa3842a69b412e7aacd33bae9"}},
	{SHA384, [3]string{"0a3d8f99afb726f97d32cc513f3a5ad51246984fd3e916cefb82fc7967ee42eae547cd88aefd84493d2585e55906e1b0", "841b4ed9ac52dd5edbf6513b1e565f30ecc9043408e22c9c86d4f29a58651e1ab5226c09d52c0196f182808af21330e1", "0f785e98f955068e93260407b3e7dc42ffb3b0f686d2ce8f634f62c7fbfc70fc291bb8636523a0e43cd58dacc68d256e"}},
	{SHA512, [3]string{"1de78322e11d7f8f1035c12740f2b902353f6f4ac4233ae455baccdf9f37791566e790d5c7682aad5d3ceca2feff4d3f3fdfd9a140c82a66324e9442b8af71b6", "d0396933ebb83fa57a7c9c98ac50e8398b640f79a86106c91d18d9ae66237c1f10ad408d057f938dc552d0b9877e540dde52a9950d7b6361d737743490072052", "35c1cc9d221994b5f6fef4cb786d1b2fa9ce383560fa6ee7080ad0801400bf1e49201749ec16c8dd454458a46e62ef609b2602ebf35b9ff37c00867b9bbea0ed"}},
	{SHA512_224, [3]string{"fdd604dbfa574b6df3e653140dcb9008a8859d0043f887f0d579d760", "bb663b15d8fd76cfab402a064b95ec82681cc4cc793a2822ecebcb4c", "624bcaab3a5787fb7546f49dd0f124b6956310bc9852bc4811a0bf53"}},
	{SHA512_256, [3]string{"c3fd69bc9b5589a85c62a2e060a9bbf5030282ce4ce281e4a258e7666fb5d84b", "3c0f6e35f25e0761b1ab663a01f8d3605340cac7036b49540de15994b04d477f", "1eb904abb4c9b1c20c6865f02b794eb6f5d6fa545a8a2f851e8db4ba6ab9d820"}},
	{SHA3_224, [3]string{"c5f83a5ae53a3a6555dc70e5c92a30cf7a679592c487717ae7f0814d", "3e09e21cebae8c36211a2a4a90212567418a323255b0e2a8aec141e8", "bc92b6b85c768d188bb51c807d9be5f9e7de0f32c1c47ee67761b6db"}},
	{SHA3_256, [3]string{"8c66a596ba2a46a591f5775e90688092dc593f40f9764f59e31870cf2681857b", "4f84ed21e4837c4a7741e526afe81a10bb408c6a1098a2fdf4dba5d6d58cbd06", "2a48cf931ce513d0b65f67fa1d1376d4d82901de5c39804f0b46bcb99182b53b"}},
	{SHA3_384, [3]string{"d5e4a403a71dd40ad42aed4a2f114c4b6b10768f815c3d2393d8fc282250f4f115bc5d226af7edb433783dceb0677434", "49ce2474afe0704b92264fbb943a0562f569651c178ea2b633f6b3b850378814a3239c1df61f59323f9c25b7a3d6478a", "7d489aae7048186e247eb8695939731ffced8e66c5112737a9c1cb3f666c1af22033813750e58242dfa53f1dbd2170ad"}},
	{SHA3_512, [3]string{"8a904f5e32ddc346a4f84a6dd2d58d59b68efbed54fc4cf8ff021f1082357e0cce70d3a50b3cab5a87c417785874c6ab0a1fc09e4e128ba648074bc020fa4ffc", "53234fae01b16b0ca7c5b1c3f2f14d645b7a7ba08f94424f8481a6aad9aa545e70eabc9181d11be4ad584e337176336ff595bf8cdefe320674deaf52da231fd1", "a44498c88dbeb3267ec1e380f1bbedde06e99d5dded3719559b88c1d42ff2aa57d7f2155e654e8c448e7d3547399176bf458d309403d03ea5bcfeba7b531fdc0"}},
	{BLAKE2b, [3]string{"8c9c1314c34ab3eb8c74931c463f8aaf563227e516c3a0a740e5ea48cd0f9764dfbd66090b4b67ef46d33dde64653024a52f65cbda56f3994717f29d738029c3", "cd92533612ef6dc86e934ec73e2ea2cca34cc0d619e25e3669b097852e05fa1e6921eabfb894632f4cdf3ce5ac24c291d1fb2078c759c1d793498939897e4916", "7b6d593626fdbf17325c34e2e415d85c4fe0bfa9264d3e6037b146acdd2544b0bec787e5a214533833c0e0f8386f6f3a46a1566cac5917652e8a0ad0b1bd8e99"}},
	{BLAKE2s, [3]string{"f554efeb008374f662cd8d68393684ebf3b320a007115fa948a345c16b4fe8b3", "488631d545ccd355da2d4fffa1b640fc4c1c8cc430414f41a896fbf950ae71e7", "017dbfe4927ccf377d2da9092afbda5bfa28fc60c06bce52babc2b50853ead70"}},
	{MD5, [3]string{"ad262969c53bc16032f160081c4a07a0", "c39516882f2be1245f58eecf2861f591", "c1108a5a812dce05c7a9bb5ef5cd391b"}},
}

var hmacKeyLens = [3]int{0, 20, 200}

func macHashes() []Algorithm {
	var hs []Algorithm
	for alg := SHA1; alg <= MD5; alg++ {
		if !alg.IsXOF() {
			hs = append(hs, alg)
		}
	}
	return hs
}

func TestHMACKnownAnswers(t *testing.T) {
	if len(hmacKATs) != len(macHashes()) {
		t.Fatalf("%d HMAC KATs for %d algorithms", len(hmacKATs), len(macHashes()))
	}
	for _, k := range hmacKATs {
		for i, kl := range hmacKeyLens {
			key, want := hmacKey[:kl], hashHex(t, k.want[i])
			got, err := ComputeHMAC(key, k.alg, hmacMsg)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("ComputeHMAC(%s, key %d) = %x, %v; want %x", k.alg.Name(), kl, got, err, want)
			}
			dst := make([]byte, k.alg.Size())
			if err := ComputeHMACTo(dst, key, k.alg, hmacMsg); err != nil || !bytes.Equal(dst, want) {
				t.Errorf("ComputeHMACTo(%s, key %d) = %x, %v", k.alg.Name(), kl, dst, err)
			}
			m, _ := NewHMAC(key, k.alg)
			m.Update(hmacMsg[:7])
			m.Update(hmacMsg[7:])
			if err := m.Verify(want); err != nil {
				t.Errorf("%s key %d: Verify(right MAC) = %v", k.alg.Name(), kl, err)
			}
		}
	}
}

// The composition agrees with crypto/hmac for every algorithm around the key
// and message sizes that matter (block size, block size + 1).
func TestHMACMatchesCryptoHMAC(t *testing.T) {
	for _, alg := range macHashes() {
		bs := alg.BlockSize()
		for _, kl := range []int{0, 1, alg.Size(), bs - 1, bs, bs + 1, 2*bs + 3} {
			key := bytes.Repeat([]byte{byte(kl) | 1}, kl)
			for _, ml := range []int{0, 1, bs - 1, bs, bs + 1, 3 * bs} {
				msg := bytes.Repeat([]byte{0xa5}, ml)
				ref := hmac.New(func() stdhash.Hash { h, _ := alg.New(); return h }, key)
				ref.Write(msg)
				got, err := ComputeHMAC(key, alg, msg)
				if err != nil || !bytes.Equal(got, ref.Sum(nil)) {
					t.Fatalf("%s key %d msg %d: %x, %v; crypto/hmac %x", alg.Name(), kl, ml, got, err, ref.Sum(nil))
				}
			}
		}
	}
}

func TestHMACCopy(t *testing.T) {
	for _, k := range hmacKATs {
		want := hashHex(t, k.want[1])
		m, err := NewHMAC(hmacKey[:20], k.alg)
		if err != nil {
			t.Fatal(err)
		}
		m.Update(hmacMsg[:10])
		c, err := m.Copy()
		if err != nil {
			t.Fatalf("%s: Copy: %v", k.alg.Name(), err)
		}
		c2, _ := c.Copy()
		c.Update([]byte("diverge"))
		if other, _ := c.Finalize(); bytes.Equal(other, want) {
			t.Errorf("%s: copy shares state", k.alg.Name())
		}
		m.Update(hmacMsg[10:])
		if got, err := m.Finalize(); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: original after copy = %x, %v", k.alg.Name(), got, err)
		}
		// The copy of the copy still works after both others are finalized
		// (and wiped).
		c2.Update(hmacMsg[10:])
		if err := c2.Verify(want); err != nil {
			t.Errorf("%s: copy Verify = %v", k.alg.Name(), err)
		}
	}
}

func TestHMACFinalized(t *testing.T) {
	for _, alg := range macHashes() {
		key := []byte("key")
		mac, _ := ComputeHMAC(key, alg, nil)
		for _, end := range []string{"Finalize", "FinalizeTo", "Verify", "VerifyBad", "Wipe"} {
			m, _ := NewHMAC(key, alg)
			if err := m.FinalizeTo(make([]byte, m.Size()+1)); !errors.Is(err, core.ErrInvalidArgument) || m.Finalized() {
				t.Errorf("%s: FinalizeTo(wrong size) = %v, finalized %v", alg.Name(), err, m.Finalized())
			}
			var err error
			switch end {
			case "Finalize":
				_, err = m.Finalize()
			case "FinalizeTo":
				err = m.FinalizeTo(make([]byte, m.Size()))
			case "Verify":
				err = m.Verify(mac)
			case "VerifyBad":
				if err = m.Verify(mac[:len(mac)-1]); errors.Is(err, core.ErrInvalidSignature) {
					err = nil
				}
			case "Wipe":
				m.Wipe()
			}
			if err != nil {
				t.Errorf("%s: %s: %v", alg.Name(), end, err)
			}
			if !m.Finalized() {
				t.Errorf("%s: not finalized after %s", alg.Name(), end)
			}
			checks := map[string]error{"Update": m.Update([]byte("x")), "FinalizeTo": m.FinalizeTo(make([]byte, m.Size())), "Verify": m.Verify(mac)}
			_, checks["Copy"] = m.Copy()
			_, checks["Finalize"] = m.Finalize()
			for what, err := range checks {
				if !errors.Is(err, core.ErrAlreadyFinalized) || !strings.Contains(err.Error(), "Context was already finalized.") {
					t.Errorf("%s: %s after %s = %v, want core.ErrAlreadyFinalized", alg.Name(), what, end, err)
				}
			}
			m.Wipe() // idempotent
		}
	}
}

func TestHMACVerify(t *testing.T) {
	for _, alg := range macHashes() {
		key := []byte("verification key")
		mac, _ := ComputeHMAC(key, alg, hmacMsg)
		bad := [][]byte{nil, mac[:len(mac)-1], append(bytes.Clone(mac), 0), bytes.Clone(mac), bytes.Clone(mac)}
		bad[3][0] ^= 1
		bad[4][len(mac)-1] ^= 0x80
		for i, sig := range bad {
			m, _ := NewHMAC(key, alg)
			m.Update(hmacMsg)
			err := m.Verify(sig)
			if !errors.Is(err, core.ErrInvalidSignature) || !strings.Contains(err.Error(), "Signature did not match digest.") {
				t.Errorf("%s: Verify(bad %d) = %v", alg.Name(), i, err)
			}
		}
	}
}

func TestHMACUnsupported(t *testing.T) {
	for _, alg := range []Algorithm{SHAKE128, SHAKE256, 0, SM3 + 1} {
		if _, err := NewHMAC([]byte("k"), alg); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("NewHMAC(%d) = %v, want core.ErrUnsupportedAlgorithm", alg, err)
		}
		if _, err := ComputeHMAC(nil, alg, nil); !errors.Is(err, core.ErrUnsupportedAlgorithm) {
			t.Errorf("ComputeHMAC(%d) = %v", alg, err)
		}
	}
	if err := ComputeHMACTo(make([]byte, 31), nil, SHA256, nil); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("ComputeHMACTo(short) = %v", err)
	}
}

// Wipe destroys the keyed state: the hash states no longer depend on the key.
func TestHMACWipe(t *testing.T) {
	for _, alg := range macHashes() {
		m1, _ := NewHMAC([]byte("key one"), alg)
		m2, _ := NewHMAC([]byte("key two"), alg)
		in1, out1, in2 := m1.inner, m1.outer, m2.inner
		m1.Wipe()
		m2.Wipe()
		if m1.inner != nil || m1.outer != nil {
			t.Fatalf("%s: states kept", alg.Name())
		}
		if a, b := in1.Sum(nil), in2.Sum(nil); !bytes.Equal(a, b) {
			t.Errorf("%s: wiped inner states still differ by key", alg.Name())
		}
		if a, b := out1.Sum(nil), in1.Sum(nil); !bytes.Equal(a, b) {
			t.Errorf("%s: wiped outer state differs from the initial state", alg.Name())
		}
	}
}

// Issue 12 finding 9: the one-shot ComputeHMACTo pools its HMAC state; a key
// longer than the block size left its tail in the pooled outer state.
func TestComputeHMACToPooledStateHoldsNoKey(t *testing.T) {
	for _, alg := range []Algorithm{SHA256, SHA1, SHA512, MD5, SHA3_256, BLAKE2b} {
		key := make([]byte, 300)
		for i := range key {
			key[i] = byte(i*29+7) | 0x81
		}
		dst := make([]byte, alg.Size())
		if err := ComputeHMACTo(dst, key, alg, []byte("message")); err != nil {
			t.Fatal(err)
		}
		m, _ := hmacPool[alg].Get().(*HMAC)
		if m == nil {
			continue // the pool was emptied (GC): nothing left behind
		}
		for _, h := range []stdhash.Hash{m.inner, m.outer} {
			v := reflect.ValueOf(h)
			mem := unsafe.Slice((*byte)(v.UnsafePointer()), v.Elem().Type().Size())
			for i := 0; i+4 <= len(key); i++ {
				if bytes.Contains(mem, key[i:i+4]) {
					t.Errorf("%s: pooled HMAC state holds key bytes %d..", alg.Name(), i)
					break
				}
			}
		}
		hmacPool[alg].Put(m)
	}
}
