// Type-level test of index.d.ts: `npm run typecheck` (tsc --noEmit, strict)
// compiles this file against the published declarations. It is never run;
// each line states how a caller uses the API, and each @ts-expect-error a
// misuse the declarations must reject.
import * as cg from 'cryptogo';
import { createHash as nodeCreateHash } from 'node:crypto';

const bytes: Buffer = Buffer.alloc(16);

// Fernet / MultiFernet
const key: Buffer = cg.Fernet.generateKey();
const f = new cg.Fernet(key);
const token: Buffer = f.encrypt(Buffer.from('hi'));
const plain: Buffer = f.decrypt(token, 60);
const ts: number = f.extractTimestamp(token.toString());
const mf = new cg.MultiFernet([f, new cg.Fernet(cg.Fernet.generateKey())]);
const rotated: Buffer = mf.rotate(token);
// @ts-expect-error MultiFernet takes Fernet instances, not keys
new cg.MultiFernet([key]);
f.free();
using _disposed = new cg.Fernet(key);

// AEAD
const gcm = new cg.AESGCM(cg.AESGCM.generateKey(256));
const ct: Buffer = gcm.encrypt(bytes.subarray(0, 12), plain, null);
gcm.decrypt(bytes.subarray(0, 12), ct);
// @ts-expect-error AES-GCM keys are 128, 192 or 256 bits
cg.AESGCM.generateKey(512);
const chacha = new cg.ChaCha20Poly1305(cg.ChaCha20Poly1305.generateKey());
chacha.encrypt(new Uint8Array(12), new DataView(new ArrayBuffer(4)));

// Hashes, HMAC, PBKDF2: node:crypto's shapes
const hex: string = cg.createHash('sha256').update('abc').digest('hex');
const raw: Buffer = cg.createHash('shake128', { outputLength: 32 }).update(bytes).digest();
const same: string = nodeCreateHash('sha256').update('abc').digest('hex');
const oneShot: Buffer = cg.hash('sha3-256', 'abc');
const mac: Buffer = cg.createHmac('sha256', key).update(bytes).digest();
cg.createHmac('sha256', key).update(bytes).verify(mac);
const dk: Buffer = cg.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256');
const dkAsync: Promise<Buffer> = cg.pbkdf2('pw', 'salt', 1000, 32, 'sha256');
cg.pbkdf2('pw', 'salt', 1000, 32, 'sha256', (err: Error | null, k?: Buffer) => void [err, k]);
// @ts-expect-error iterations is a number
cg.pbkdf2Sync('pw', 'salt', '1000', 32, 'sha256');

// RSA
const priv: cg.RSAPrivateKey = cg.generateRSAPrivateKey({ keySize: 2048 });
const pub: cg.RSAPublicKey = priv.publicKey();
const bits: number = pub.keySize;
const sig: Buffer = priv.sign(bytes, { padding: 'pss', hash: 'sha256', saltLength: 'max' });
pub.verify(sig, bytes, { padding: 'pss', hash: 'sha256' });
const oaep: Buffer = pub.encrypt(bytes, { padding: 'oaep', hash: 'sha256', label: null });
const back: Promise<Buffer> = priv.decryptAsync(oaep, { padding: 'oaep', hash: 'sha256' });
const pem: Buffer = priv.export({ encoding: 'pem', format: 'pkcs8', password: 'pw' });
const loaded: cg.RSAPrivateKey = cg.RSAPrivateKey.load(pem, { password: 'pw' });
const spki: Buffer = cg.loadPublicKey(pub.export()).export({ format: 'spki', encoding: 'der' });
const n: bigint = pub.publicNumbers().n;
const d: bigint = loaded.privateNumbers().d;
// @ts-expect-error unknown padding
pub.encrypt(bytes, { padding: 'raw' });
// @ts-expect-error numbers are bigints
cg.RSAPublicKey.fromNumbers({ n: 3, e: 65537 });

// Generic key layer (node:crypto's KeyObject shapes)
const anyPriv: cg.PrivateKeyTypes = cg.loadPrivateKey(pem, { password: 'pw' });
const anyPub: cg.PublicKeyTypes = cg.loadPublicKey(spki);
if (anyPriv.asymmetricKeyType === 'rsa') {
  const narrowed: cg.RSAPrivateKey = anyPriv;
  void narrowed;
}
const base: cg.PrivateKey = priv;
const basePub: cg.PublicKey = base.publicKey();
const kind: 'private' = priv.type;
const pubKind: 'public' = pub.type;
const akt: cg.AsymmetricKeyType = basePub.asymmetricKeyType;
const rsaType: 'rsa' = pub.asymmetricKeyType;
const modulusLength: number = pub.asymmetricKeyDetails.modulusLength;
const exponent: bigint = priv.asymmetricKeyDetails.publicExponent;
const isEqual: boolean = pub.equals(anyPub) && !basePub.equals(priv);
const digest: Buffer = pub.recover(cg.generateRSAPrivateKey().sign(bytes, { padding: 'pkcs1v15' }), { hash: 'sha256' });
const payload: Buffer = pub.recover(sig, { padding: 'pkcs1v15', hash: null });
const typed: cg.RSAPublicKey = cg.RSAPublicKey.load(spki);
const typedAsync: Promise<cg.RSAPrivateKey> = cg.RSAPrivateKey.loadAsync(pem, { password: 'pw' });
// @ts-expect-error asymmetricKeyType is read-only
pub.asymmetricKeyType = 'rsa';
// @ts-expect-error keySize is read-only
priv.keySize = 4096;
// @ts-expect-error an RSA key's asymmetricKeyType is 'rsa'
const notEc: 'ec' = pub.asymmetricKeyType;
// @ts-expect-error recover needs options.hash (a hash name or null)
pub.recover(sig);
// @ts-expect-error recover has no PSS mode
pub.recover(sig, { padding: 'pss', hash: 'sha256' });
// @ts-expect-error equals takes a key, not bytes
pub.equals(spki);
// @ts-expect-error the key classes are made by the loaders, not `new`
new cg.RSAPublicKey();
// @ts-expect-error the base classes are abstract
new cg.PublicKey();
// @ts-expect-error a base PublicKey has no RSA operations
basePub.encrypt(bytes);

// Ed25519 / Ed448 / X25519 / X448 (node:crypto shapes)
const edPair = cg.generateKeyPair('ed25519');
const edPriv: cg.Ed25519PrivateKey = edPair.privateKey;
const edPub: cg.Ed25519PublicKey = edPair.publicKey;
const edSig: Buffer = edPriv.sign(bytes);
edPub.verify(edSig, bytes);
const edOk: boolean = cg.verify(null, bytes, edPub, cg.sign(null, bytes, edPriv));
const edSigAsync: Promise<Buffer> = edPriv.signAsync(bytes);
const edType: 'ed25519' = edPriv.asymmetricKeyType;
const edRaw: Buffer = edPriv.export({ format: 'raw' });
const edDer: Buffer = edPub.export({ encoding: 'der', format: 'spki' });
const edSsh: string = edPub.export({ format: 'openssh' }).toString();
const edBack: cg.Ed25519PrivateKey = cg.Ed25519PrivateKey.fromRaw(edRaw);
const edSame: boolean = edBack.equals(edPriv) && cg.Ed25519PublicKey.fromRaw(edPub.export({ format: 'raw' })).equals(edPub);
const ed448: cg.Ed448PrivateKey = cg.Ed448PrivateKey.generate();
const ed448Pub: cg.Ed448PublicKey = ed448.publicKey();
const x: cg.X25519PrivateKey = cg.X25519PrivateKey.generate();
const xPub: cg.X25519PublicKey = cg.generateKeyPair('x25519').publicKey;
const shared: Buffer = cg.diffieHellman({ privateKey: x, publicKey: xPub });
const shared2: Buffer = x.exchange(xPub);
const x448Pair: Promise<cg.KeyPair<cg.X448PrivateKey, cg.X448PublicKey>> = cg.generateKeyPairAsync('x448');
const rsaPair: cg.RSAPrivateKey = cg.generateKeyPair('rsa', { modulusLength: 2048 }).privateKey;
const rsaSig: Buffer = cg.sign('sha256', bytes, rsaPair);
const loadedAny: cg.PrivateKeyTypes = cg.loadPrivateKey(edPriv.export());
if (loadedAny.asymmetricKeyType === 'x448') {
  const narrowedX448: cg.X448PrivateKey = loadedAny;
  void narrowedX448;
}
const xLoaded: Promise<cg.X25519PrivateKey> = cg.X25519PrivateKey.loadAsync(x.export({ encoding: 'der' }));
// @ts-expect-error Ed25519 keys take no hash algorithm
cg.sign('sha256', bytes, edPriv);
// @ts-expect-error X25519 keys do not sign
cg.sign(null, bytes, x);
// @ts-expect-error X25519 keys have no sign method
x.sign(bytes);
// @ts-expect-error Ed25519 keys have no Diffie-Hellman
cg.diffieHellman({ privateKey: edPriv, publicKey: edPub });
// @ts-expect-error both sides of diffieHellman are of the same type
cg.diffieHellman({ privateKey: x, publicKey: ed448Pub });
// @ts-expect-error an X25519 key exchanges with an X25519 public key only
x.exchange(cg.X448PrivateKey.generate().publicKey());
// @ts-expect-error Ed25519 keys have no PKCS1 form
edPriv.export({ format: 'pkcs1' });
// @ts-expect-error RSA keys have no raw form
priv.export({ format: 'raw' });
// @ts-expect-error unknown key type
cg.generateKeyPair('ed25518');
// @ts-expect-error the generated Ed448 key is not an Ed25519 key
const notEd25519: cg.Ed25519PrivateKey = cg.generateKeyPair('ed448').privateKey;
// @ts-expect-error fromRaw takes bytes, not a hex string
cg.X448PublicKey.fromRaw('00');
// @ts-expect-error asymmetricKeyType is 'ed448'
const wrongType: 'ed25519' = ed448.asymmetricKeyType;
void [edSsh, edOk, edSigAsync, edType, edDer, edSame, shared, shared2, x448Pair, rsaSig, xLoaded, notEd25519, wrongType];

// Errors
try {
  gcm.decrypt(bytes.subarray(0, 12), bytes);
} catch (e) {
  if (e instanceof cg.InvalidTag) {
    const code: string = e.code;
    const status: number = e.status;
    const pyca: string = e.pycaName;
    void [code, status, pyca];
  }
}

// misc
const rnd: Buffer = cg.randomBytes(32);
const filled: Uint8Array = cg.randomFill(new Uint8Array(8));
const ver: string = cg.version();
const live: number = cg.liveHandles();
const tag: number = cg.abi.macros.CRYPTOGO_AESGCM_TAGBYTES;

void [kind, pubKind, akt, rsaType, modulusLength, exponent, isEqual, digest, payload, typed, typedAsync, notEc];
void [ts, rotated, raw, same, oneShot, dk, dkAsync, bits, back, spki, n, d, hex, rnd, filled, ver, live, tag];
