//go:build unix

package main

import (
	"errors"
	"sync"
	"testing"
	"time"
	"unsafe"
)

// Issue 12 finding 10: a freed handle must never resolve again, however many
// handles are created and freed after it (the 4,096-entry quarantine ring let
// malloc hand a freed token to a new object once it left the ring).
func TestStaleHandleNeverResolves(t *testing.T) {
	const alg = 3 // CRYPTOGO_HASH_SHA256
	stale, rc := shimHMACNew([]byte("first key"), alg)
	if rc != rcOK {
		t.Fatalf("hmac_new: %d", rc)
	}
	freeOK(t, kindHMAC, stale)
	const churn = 20000
	for i := 0; i < churn; i++ {
		h, rc := shimHMACNew([]byte("another key"), alg)
		if rc != rcOK {
			t.Fatalf("hmac_new %d: %d", i, rc)
		}
		if got := shimHMACUpdate(stale, []byte("x")); got != rcInvalidHandle {
			t.Fatalf("after %d create/free cycles the freed handle %p resolves again (update = %d, new handle %p)",
				i, stale, got, h)
		}
		freeOK(t, kindHMAC, h)
	}
	if got := shimFree(kindHMAC, stale); got != rcInvalidHandle {
		t.Fatalf("double free after churn = %d, want INVALID_HANDLE", got)
	}
}

// free must not leave the handle locked when Wipe panics: the lock is taken
// with defer, the handle is dead afterwards, and other handles keep working.
type panicWiper struct{}

func (panicWiper) Wipe() { panic("wipe failed") }

func TestFreeUnlocksWhenWipePanics(t *testing.T) {
	p := newHandle(kindHMAC, panicWiper{})
	func() {
		defer func() { _ = recover() }()
		_ = free(p, kindHMAC)
		t.Fatal("free did not propagate the panic")
	}()
	h, err := lookupAny(p)
	if err == nil {
		// Still reachable: its lock must be free and it must be dead.
		done := make(chan struct{})
		go func() {
			h.mu.Lock()
			dead := h.dead
			h.mu.Unlock()
			if !dead {
				t.Error("handle alive after a free that panicked")
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("the handle's lock is still held after Wipe panicked (free must unlock with defer)")
		}
	}
	if err := free(p, kindHMAC); !errors.Is(err, errInvalidHandle) {
		t.Fatalf("second free = %v, want errInvalidHandle", err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := newHandle(kindHash, struct{}{})
			if err := free(q, kindHash); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

// lookupAny returns the handle behind p whatever its kind.
func lookupAny(p unsafe.Pointer) (*handle, error) {
	for k := kindFernet; k <= kindPublicKey; k++ {
		if h, err := lookup(p, k); err == nil {
			return h, nil
		}
	}
	return nil, errInvalidHandle
}
