// Type definitions for cryptogo (the Node binding of libcrypto-go).
/// <reference types="node" />

/** Bytes accepted as input: never copied by the bridge (borrowed for the call). */
export type Bytes = Buffer | NodeJS.TypedArray | DataView | ArrayBuffer;
/** Bytes, or a string (UTF-8 unless an encoding is given) where node:crypto also takes strings. */
export type BytesOrString = Bytes | string;

/** node:crypto spelling, case-insensitive ('SHA-256' and pyca's 'sha512_256' also accepted). */
export type HashName =
  | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'sha512-224' | 'sha512-256'
  | 'sha3-224' | 'sha3-256' | 'sha3-384' | 'sha3-512' | 'shake128' | 'shake256'
  | 'blake2b512' | 'blake2s256' | 'md5' | 'sm3' | (string & {});

// ---------------------------------------------------------------- errors

/** Status codes of the C ABI (include/cryptogo_types.h), as `code`. */
export type StatusCode =
  | 'CRYPTOGO_ERR_INTERNAL' | 'CRYPTOGO_ERR_INVALID_ARGUMENT' | 'CRYPTOGO_ERR_TYPE'
  | 'CRYPTOGO_ERR_BUFFER_TOO_SMALL' | 'CRYPTOGO_ERR_INVALID_HANDLE' | 'CRYPTOGO_ERR_INVALID_TOKEN'
  | 'CRYPTOGO_ERR_INVALID_TAG' | 'CRYPTOGO_ERR_INVALID_SIGNATURE' | 'CRYPTOGO_ERR_INVALID_KEY'
  | 'CRYPTOGO_ERR_ALREADY_FINALIZED' | 'CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM' | 'CRYPTOGO_ERR_DECRYPTION_FAILED'
  | 'CRYPTOGO_ERR_OVERFLOW' | 'CRYPTOGO_ERR_PASSWORD_REQUIRED' | 'CRYPTOGO_ERR_PASSWORD_UNEXPECTED'
  | 'CRYPTOGO_ERR_BAD_KEY_DATA';

/**
 * Base class of every error reported by the library. Wrong JavaScript argument
 * types throw a plain TypeError (code 'ERR_INVALID_ARG_TYPE') and out-of-range
 * numbers a RangeError (code 'ERR_OUT_OF_RANGE') instead, as node:crypto does.
 */
export class CryptogoError extends Error {
  /** status and code default to the subclass's own. */
  constructor(message?: string, status?: number, code?: string);
  /** Stable: the C status name, e.g. 'CRYPTOGO_ERR_INVALID_TAG'. */
  readonly code: StatusCode | string;
  /** The negative C status code. */
  readonly status: number;
  /** The exception pyca/cryptography raises in the same case ('ValueError', 'InvalidTag', ...). */
  readonly pycaName: string;
}
/** A bug in the library (a recovered panic). */
export class InternalError extends CryptogoError {}
/** Bad size or value (pyca: ValueError). */
export class InvalidArgument extends CryptogoError {}
/** Wrong kind of argument at the C level (pyca: TypeError). */
export class InvalidType extends CryptogoError {}
/** Output buffer too small: a binding bug. */
export class BufferTooSmall extends CryptogoError {}
/** Use of a freed object (pyca: ValueError). */
export class InvalidHandle extends CryptogoError {}
/** Any Fernet decrypt / extractTimestamp failure. */
export class InvalidToken extends CryptogoError {}
/** AEAD authentication failure. */
export class InvalidTag extends CryptogoError {}
/** Signature or MAC verification failure. */
export class InvalidSignature extends CryptogoError {}
/** PBKDF2 verify mismatch. */
export class InvalidKey extends CryptogoError {}
/** Hash / HMAC used after digest() or verify(). */
export class AlreadyFinalized extends CryptogoError {}
export class UnsupportedAlgorithm extends CryptogoError {}
/** RSA decryption failure of any kind (pyca: ValueError("Decryption failed")). */
export class DecryptionFailed extends CryptogoError {}
/** Input too large (pyca: OverflowError). */
export class InputTooLarge extends CryptogoError {}
/** The key is encrypted and no password was given (pyca: TypeError). */
export class PasswordRequired extends CryptogoError {}
/** A password was given but the key is not encrypted (pyca: TypeError). */
export class PasswordUnexpected extends CryptogoError {}
/** Malformed key, unsupported key format or wrong password (pyca: ValueError). */
export class BadKeyData extends CryptogoError {}

export const errors: {
  CryptogoError: typeof CryptogoError;
  /** status name -> [class name, pyca exception name] */
  TABLE: Record<string, [string, string]>;
  errorFor(status: number, detail?: string): CryptogoError;
  check(rc: number, detail?: string): number;
  [name: string]: unknown;
};

// ---------------------------------------------------------------- handles

/**
 * An object owning a native handle. Release it with free() (idempotent) or
 * `using`; a FinalizationRegistry frees it after garbage collection anyway.
 * Methods of a freed object throw InvalidHandle.
 */
export abstract class Handle implements Disposable {
  free(): void;
  readonly freed: boolean;
  [Symbol.dispose](): void;
}

// ---------------------------------------------------------------- Fernet

declare abstract class FernetBase extends Handle {
  /** A token (url-safe base64 text as a Buffer) for the current time. */
  encrypt(data: Bytes): Buffer;
  encryptAtTime(data: Bytes, currentTime: number): Buffer;
  /** Throws InvalidToken; with ttl (seconds), also for tokens older than ttl. */
  decrypt(token: BytesOrString, ttl?: number | null): Buffer;
  decryptAtTime(token: BytesOrString, ttl: number, currentTime: number): Buffer;
  /** Seconds since the epoch, after the HMAC is checked (InvalidToken otherwise). */
  extractTimestamp(token: BytesOrString): number;
}

export class Fernet extends FernetBase {
  /** @param key 44-byte url-safe base64 key (string or bytes). InvalidArgument if malformed. */
  constructor(key: BytesOrString);
  /** 44 bytes of url-safe base64 text. */
  static generateKey(): Buffer;
  /** Deterministic encryption with a given 16-byte IV, for test vectors only. */
  _encryptFromParts(data: Bytes, currentTime: number, iv: Bytes): Buffer;
}

export class MultiFernet extends FernetBase {
  /** The first Fernet encrypts; all are tried on decrypt. Keys are copied (the Fernets may be freed). */
  constructor(fernets: Fernet[]);
  /** Re-encrypts under the first key, keeping the timestamp. */
  rotate(token: BytesOrString): Buffer;
}

// ---------------------------------------------------------------- AEAD

declare abstract class AEAD extends Handle {
  /** ciphertext || tag (16 bytes for both ciphers; InputTooLarge beyond the library's message bound, 2^31-1 bytes). */
  encrypt(nonce: Bytes, data: Bytes, associatedData?: Bytes | null): Buffer;
  /** Throws InvalidTag on any authentication failure. */
  decrypt(nonce: Bytes, data: Bytes, associatedData?: Bytes | null): Buffer;
}

export class AESGCM extends AEAD {
  /** @param key 16, 24 or 32 bytes. Nonces: 8..128 bytes (12 recommended). */
  constructor(key: Bytes);
  static generateKey(bitLength: 128 | 192 | 256): Buffer;
}

export class ChaCha20Poly1305 extends AEAD {
  /** @param key 32 bytes. Nonces: 12 bytes. */
  constructor(key: Bytes);
  static generateKey(): Buffer;
}

// ---------------------------------------------------------------- hashes, HMAC, PBKDF2

export interface HashOptions {
  /** Output size in bytes: required for SHAKE, must match the fixed size otherwise. */
  outputLength?: number;
}

export class Hash extends Handle {
  constructor(algorithm: HashName, options?: HashOptions);
  update(data: BytesOrString, inputEncoding?: BufferEncoding): this;
  copy(): Hash;
  /** Finalizes; a second digest() or update() throws AlreadyFinalized. */
  digest(): Buffer;
  digest(encoding: BufferEncoding): string;
  readonly algorithm: string;
  readonly digestSize: number;
  readonly blockSize: number;
}

export function createHash(algorithm: HashName, options?: HashOptions): Hash;
/** One-shot digest (a Buffer unless an output encoding is given). */
export function hash(algorithm: HashName, data: BytesOrString): Buffer;
export function hash(algorithm: HashName, data: BytesOrString, outputEncoding: BufferEncoding): string;
export function hash(algorithm: HashName, data: BytesOrString, options: HashOptions & { outputEncoding?: BufferEncoding }): Buffer | string;

export class Hmac extends Handle {
  /** SHAKE throws UnsupportedAlgorithm. */
  constructor(algorithm: HashName, key: BytesOrString);
  update(data: BytesOrString, inputEncoding?: BufferEncoding): this;
  copy(): Hmac;
  digest(): Buffer;
  digest(encoding: BufferEncoding): string;
  /** Finalizes and compares in constant time; throws InvalidSignature on mismatch. */
  verify(signature: Bytes): void;
  readonly algorithm: string;
  readonly digestSize: number;
}

export function createHmac(algorithm: HashName, key: BytesOrString): Hmac;
export function hmac(algorithm: HashName, key: BytesOrString, data: BytesOrString): Buffer;
export function hmac(algorithm: HashName, key: BytesOrString, data: BytesOrString, encoding: BufferEncoding): string;

/** PBKDF2-HMAC on the calling thread. */
export function pbkdf2Sync(password: BytesOrString, salt: BytesOrString, iterations: number, keylen: number, digest: HashName): Buffer;
/** PBKDF2-HMAC on the libuv thread pool. */
export function pbkdf2(password: BytesOrString, salt: BytesOrString, iterations: number, keylen: number, digest: HashName): Promise<Buffer>;
export function pbkdf2(password: BytesOrString, salt: BytesOrString, iterations: number, keylen: number, digest: HashName,
  callback: (err: Error | null, key?: Buffer) => void): void;
/**
 * Throws InvalidKey when the derived key (expected.length bytes) differs from expected (constant-time
 * compare); an empty expected is refused (InvalidArgument: it would match every password).
 */
export function pbkdf2Verify(expected: Bytes, password: BytesOrString, salt: BytesOrString, iterations: number, digest: HashName): void;

// ---------------------------------------------------------------- RSA options, key serialization options

export interface EncryptOptions {
  /** Default 'oaep'. */
  padding?: 'oaep' | 'pkcs1v15';
  /** OAEP hash, default 'sha256'. */
  hash?: HashName;
  /** MGF1 hash, default = hash. */
  mgf1Hash?: HashName;
  /** OAEP label, default none. */
  label?: Bytes | null;
}

export interface SignOptions {
  /** Default 'pss'. */
  padding?: 'pss' | 'pkcs1v15';
  /**
   * Default 'sha256'. null (padding 'pkcs1v15' only): data is the payload
   * itself, signed without a DigestInfo (pyca's NoDigestInfo(); what
   * crypto.privateEncrypt with RSA_PKCS1_PADDING produces).
   */
  hash?: HashName | null;
  /** PSS MGF1 hash, default = hash. */
  mgf1Hash?: HashName;
  /** PSS salt length: bytes, 'max', 'digest', or (verify only) 'auto'. Default: sign 'max', verify 'auto'. */
  saltLength?: number | 'max' | 'digest' | 'auto';
  /** data is already the digest of `hash` (pyca's Prehashed). */
  prehashed?: boolean;
}

export interface PrivateExportOptions {
  /** Default 'pem' ('raw' when format is 'raw'). */
  encoding?: 'pem' | 'der' | 'raw';
  /**
   * Default 'pkcs8'. 'pkcs1' = traditional OpenSSL (RSA only). 'raw': the
   * raw key bytes of Ed25519/X25519/Ed448/X448 keys (pyca's Raw; no password).
   */
  format?: 'pkcs8' | 'pkcs1' | 'traditional' | 'raw';
  /** Encrypts the key (best available encryption). DER + pkcs1 + password is InvalidArgument. */
  password?: BytesOrString | null;
}

export interface PublicExportOptions {
  /** Default 'pem' ('raw' / 'openssh' when format is 'raw' / 'openssh'). */
  encoding?: 'pem' | 'der' | 'raw' | 'openssh';
  /**
   * Default 'spki' (SubjectPublicKeyInfo). 'pkcs1': RSA only. 'raw': the raw
   * public key of Ed25519/X25519/Ed448/X448 keys. 'openssh': one
   * "ssh-ed25519 AAAA..." line (Ed25519 and RSA keys, as pyca's OpenSSH).
   */
  format?: 'spki' | 'pkcs1' | 'raw' | 'openssh';
}

/** export() options asking for the raw bytes. */
export interface RawExportOptions {
  encoding?: 'raw';
  format: 'raw';
}

export interface LoadOptions {
  /** Detected from the data when omitted. */
  encoding?: 'pem' | 'der';
  /** Omitted/null: none (PasswordRequired if the key is encrypted); '' or empty bytes: the empty password. */
  password?: BytesOrString | null;
}

export interface RSAPublicNumbers { n: bigint; e: bigint }
export interface RSAPrivateNumbers extends RSAPublicNumbers { d: bigint; p: bigint; q: bigint; dmp1: bigint; dmq1: bigint; iqmp: bigint }

// ---------------------------------------------------------------- asymmetric keys (generic layer)

/**
 * node:crypto's asymmetricKeyType names of the library's key types (enum
 * cryptogo_key_type). 'rsa', 'ed25519', 'x25519', 'ed448' and 'x448' have
 * classes today; the rest are reserved.
 */
export type AsymmetricKeyType =
  | 'rsa' | 'ec' | 'ed25519' | 'x25519' | 'ed448' | 'x448' | 'dsa'
  | 'ml-kem-768' | 'ml-kem-1024' | 'ml-dsa-44' | 'ml-dsa-65' | 'ml-dsa-87';

/**
 * Base of every public key class (a cryptogo_public_key handle), shaped like
 * node:crypto's public KeyObject.
 */
export abstract class PublicKey extends Handle {
  /** As KeyObject.type. */
  readonly type: 'public';
  /** As KeyObject.asymmetricKeyType, from the library. */
  readonly asymmetricKeyType: AsymmetricKeyType;
  /** Key size in bits (pyca's key_size), from the library. */
  readonly keySize: number;
  /**
   * As KeyObject.equals: the same public key (keys of different types are
   * unequal; a private key is never equal). TypeError for a non-key.
   */
  equals(other: PublicKey | PrivateKey): boolean;
  export(options?: PublicExportOptions): Buffer;
}

/** export() options of the keys that have no raw form (RSA). */
export interface RSAPublicExportOptions extends PublicExportOptions { encoding?: 'pem' | 'der' | 'openssh'; format?: 'spki' | 'pkcs1' | 'openssh' }
export interface RSAPrivateExportOptions extends PrivateExportOptions { encoding?: 'pem' | 'der'; format?: 'pkcs8' | 'pkcs1' | 'traditional' }

/**
 * Base of every private key class (a cryptogo_private_key handle), shaped like
 * node:crypto's private KeyObject.
 */
export abstract class PrivateKey extends Handle {
  readonly type: 'private';
  readonly asymmetricKeyType: AsymmetricKeyType;
  readonly keySize: number;
  /** A new, independently freed public key of the matching class. */
  publicKey(): PublicKey;
  /**
   * As KeyObject.equals for private keys: a private key of the same type with
   * the same public key (what node's equals compares). A public key is never equal.
   */
  equals(other: PublicKey | PrivateKey): boolean;
  export(options?: PrivateExportOptions): Buffer;
  exportAsync(options?: PrivateExportOptions): Promise<Buffer>;
}

/** Every public key class the loaders return (pyca's PublicKeyTypes); narrow on asymmetricKeyType. */
export type PublicKeyTypes = RSAPublicKey | Ed25519PublicKey | Ed448PublicKey | X25519PublicKey | X448PublicKey;
/** Every private key class the loaders return (pyca's PrivateKeyTypes); narrow on asymmetricKeyType. */
export type PrivateKeyTypes = RSAPrivateKey | Ed25519PrivateKey | Ed448PrivateKey | X25519PrivateKey | X448PrivateKey;

/** node:crypto's asymmetricKeyDetails of an RSA KeyObject. */
export interface RSAKeyDetails { modulusLength: number; publicExponent: bigint }

export interface RecoverOptions {
  /** Only 'pkcs1v15' (the default) has data recovery. */
  padding?: 'pkcs1v15';
  /**
   * The signature's hash: its DigestInfo is checked and stripped and the
   * digest returned; null returns the whole unpadded payload (what
   * crypto.publicDecrypt with RSA_PKCS1_PADDING returns). Required, as pyca's
   * algorithm argument.
   */
  hash: HashName | null;
}

// ---------------------------------------------------------------- RSA

export class RSAPublicKey extends PublicKey {
  private constructor();
  readonly asymmetricKeyType: 'rsa';
  readonly asymmetricKeyDetails: RSAKeyDetails;
  encrypt(data: Bytes, options?: EncryptOptions): Buffer;
  /** Throws InvalidSignature. */
  verify(signature: Bytes, data: Bytes, options?: SignOptions): void;
  /** PKCS#1 v1.5 data recovery (pyca's recover_data_from_signature); throws InvalidSignature. */
  recover(signature: Bytes, options: RecoverOptions): Buffer;
  export(options?: RSAPublicExportOptions): Buffer;
  publicNumbers(): RSAPublicNumbers;
  static fromNumbers(numbers: RSAPublicNumbers): RSAPublicKey;
  /** As loadPublicKey, but InvalidType for a key of another algorithm. */
  static load(data: BytesOrString, options?: { encoding?: 'pem' | 'der' }): RSAPublicKey;
}

export class RSAPrivateKey extends PrivateKey {
  private constructor();
  readonly asymmetricKeyType: 'rsa';
  readonly asymmetricKeyDetails: RSAKeyDetails;
  publicKey(): RSAPublicKey;
  /** Throws DecryptionFailed for any failure. */
  decrypt(ciphertext: Bytes, options?: EncryptOptions): Buffer;
  decryptAsync(ciphertext: Bytes, options?: EncryptOptions): Promise<Buffer>;
  sign(data: Bytes, options?: SignOptions): Buffer;
  signAsync(data: Bytes, options?: SignOptions): Promise<Buffer>;
  verify(signature: Bytes, data: Bytes, options?: SignOptions): void;
  encrypt(data: Bytes, options?: EncryptOptions): Buffer;
  export(options?: RSAPrivateExportOptions): Buffer;
  exportAsync(options?: RSAPrivateExportOptions): Promise<Buffer>;
  privateNumbers(): RSAPrivateNumbers;
  static fromNumbers(numbers: RSAPrivateNumbers): RSAPrivateKey;
  static generate(options?: GenerateOptions): RSAPrivateKey;
  static generateAsync(options?: GenerateOptions): Promise<RSAPrivateKey>;
  /** As loadPrivateKey, but InvalidType for a key of another algorithm. */
  static load(data: BytesOrString, options?: LoadOptions): RSAPrivateKey;
  static loadAsync(data: BytesOrString, options?: LoadOptions): Promise<RSAPrivateKey>;
}

export interface GenerateOptions {
  /** Default 2048; at least 1024 (as pyca). */
  keySize?: number;
  /** Default 65537; 3 or 65537 (as pyca). */
  publicExponent?: number;
}

// ---------------------------------------------------------------- Ed25519, Ed448 (EdDSA)

/** Export options of the Ed/X keys (no PKCS1 / traditional form; raw allowed). */
export interface OKPPrivateExportOptions extends PrivateExportOptions { format?: 'pkcs8' | 'raw' }
export interface OKPPublicExportOptions extends PublicExportOptions { format?: 'spki' | 'raw' | 'openssh' }

declare abstract class EdDSAPublicKey extends PublicKey {
  /** Throws InvalidSignature unless signature is this key's (pure EdDSA) signature of data. */
  verify(signature: Bytes, data: Bytes): void;
  export(options?: OKPPublicExportOptions): Buffer;
}

declare abstract class EdDSAPrivateKey extends PrivateKey {
  /** The (deterministic) signature of data: the bytes crypto.sign(null, data, key) gives. */
  sign(data: Bytes): Buffer;
  /** sign() on the libuv thread pool. */
  signAsync(data: Bytes): Promise<Buffer>;
  /** Convenience: verify with the public half; throws InvalidSignature. */
  verify(signature: Bytes, data: Bytes): void;
  export(options?: OKPPrivateExportOptions): Buffer;
  exportAsync(options?: OKPPrivateExportOptions): Promise<Buffer>;
}

export class Ed25519PublicKey extends EdDSAPublicKey {
  private constructor();
  readonly asymmetricKeyType: 'ed25519';
  /** The 32 raw bytes (pyca's from_public_bytes); InvalidArgument for another length. */
  static fromRaw(data: Bytes): Ed25519PublicKey;
  static load(data: BytesOrString, options?: { encoding?: 'pem' | 'der' }): Ed25519PublicKey;
}

export class Ed25519PrivateKey extends EdDSAPrivateKey {
  private constructor();
  readonly asymmetricKeyType: 'ed25519';
  publicKey(): Ed25519PublicKey;
  static generate(): Ed25519PrivateKey;
  static generateAsync(): Promise<Ed25519PrivateKey>;
  /** The 32-byte raw private key (seed) (pyca's from_private_bytes); InvalidArgument for another length. */
  static fromRaw(data: Bytes): Ed25519PrivateKey;
  static load(data: BytesOrString, options?: LoadOptions): Ed25519PrivateKey;
  static loadAsync(data: BytesOrString, options?: LoadOptions): Promise<Ed25519PrivateKey>;
}

export class Ed448PublicKey extends EdDSAPublicKey {
  private constructor();
  readonly asymmetricKeyType: 'ed448';
  /** The 57 raw bytes; InvalidArgument for another length. */
  static fromRaw(data: Bytes): Ed448PublicKey;
  static load(data: BytesOrString, options?: { encoding?: 'pem' | 'der' }): Ed448PublicKey;
}

export class Ed448PrivateKey extends EdDSAPrivateKey {
  private constructor();
  readonly asymmetricKeyType: 'ed448';
  publicKey(): Ed448PublicKey;
  static generate(): Ed448PrivateKey;
  static generateAsync(): Promise<Ed448PrivateKey>;
  /** The 57-byte raw private key; InvalidArgument for another length. */
  static fromRaw(data: Bytes): Ed448PrivateKey;
  static load(data: BytesOrString, options?: LoadOptions): Ed448PrivateKey;
  static loadAsync(data: BytesOrString, options?: LoadOptions): Promise<Ed448PrivateKey>;
}

// ---------------------------------------------------------------- X25519, X448 (key agreement)

declare abstract class XDHPublicKey extends PublicKey {
  export(options?: OKPPublicExportOptions): Buffer;
}

declare abstract class XDHPrivateKey<P extends XDHPublicKey> extends PrivateKey {
  /**
   * pyca's exchange: the shared secret with peer (same key type, else
   * InvalidType). An all-zero result (low-order peer) throws InvalidArgument.
   */
  exchange(peer: P): Buffer;
  exchangeAsync(peer: P): Promise<Buffer>;
  export(options?: OKPPrivateExportOptions): Buffer;
  exportAsync(options?: OKPPrivateExportOptions): Promise<Buffer>;
}

export class X25519PublicKey extends XDHPublicKey {
  private constructor();
  readonly asymmetricKeyType: 'x25519';
  /** The 32 raw bytes; InvalidArgument for another length. */
  static fromRaw(data: Bytes): X25519PublicKey;
  static load(data: BytesOrString, options?: { encoding?: 'pem' | 'der' }): X25519PublicKey;
}

export class X25519PrivateKey extends XDHPrivateKey<X25519PublicKey> {
  private constructor();
  readonly asymmetricKeyType: 'x25519';
  publicKey(): X25519PublicKey;
  static generate(): X25519PrivateKey;
  static generateAsync(): Promise<X25519PrivateKey>;
  /** The 32 raw bytes; InvalidArgument for another length. */
  static fromRaw(data: Bytes): X25519PrivateKey;
  static load(data: BytesOrString, options?: LoadOptions): X25519PrivateKey;
  static loadAsync(data: BytesOrString, options?: LoadOptions): Promise<X25519PrivateKey>;
}

export class X448PublicKey extends XDHPublicKey {
  private constructor();
  readonly asymmetricKeyType: 'x448';
  /** The 56 raw bytes; InvalidArgument for another length. */
  static fromRaw(data: Bytes): X448PublicKey;
  static load(data: BytesOrString, options?: { encoding?: 'pem' | 'der' }): X448PublicKey;
}

export class X448PrivateKey extends XDHPrivateKey<X448PublicKey> {
  private constructor();
  readonly asymmetricKeyType: 'x448';
  publicKey(): X448PublicKey;
  static generate(): X448PrivateKey;
  static generateAsync(): Promise<X448PrivateKey>;
  /** The 56 raw bytes; InvalidArgument for another length. */
  static fromRaw(data: Bytes): X448PrivateKey;
  static load(data: BytesOrString, options?: LoadOptions): X448PrivateKey;
  static loadAsync(data: BytesOrString, options?: LoadOptions): Promise<X448PrivateKey>;
}

/**
 * node:crypto's diffieHellman({ privateKey, publicKey }) for X25519 / X448
 * keys of the same type: the shared secret. InvalidType for mixed types,
 * InvalidArgument for an all-zero result, TypeError for other keys.
 */
export function diffieHellman(options: { privateKey: X25519PrivateKey; publicKey: X25519PublicKey }): Buffer;
export function diffieHellman(options: { privateKey: X448PrivateKey; publicKey: X448PublicKey }): Buffer;

// ---------------------------------------------------------------- node:crypto-style key pairs, sign, verify

export interface KeyPair<Priv, Pub> { privateKey: Priv; publicKey: Pub }
export interface RSAKeyPairOptions {
  /** Default 2048 (node's name; keySize is accepted too). */
  modulusLength?: number;
  keySize?: number;
  /** Default 65537. */
  publicExponent?: number;
}

/** crypto.generateKeyPairSync(type) in the binding's shape: key objects. */
export function generateKeyPair(type: 'ed25519'): KeyPair<Ed25519PrivateKey, Ed25519PublicKey>;
export function generateKeyPair(type: 'ed448'): KeyPair<Ed448PrivateKey, Ed448PublicKey>;
export function generateKeyPair(type: 'x25519'): KeyPair<X25519PrivateKey, X25519PublicKey>;
export function generateKeyPair(type: 'x448'): KeyPair<X448PrivateKey, X448PublicKey>;
export function generateKeyPair(type: 'rsa', options?: RSAKeyPairOptions): KeyPair<RSAPrivateKey, RSAPublicKey>;
/** generateKeyPair on the libuv thread pool. */
export function generateKeyPairAsync(type: 'ed25519'): Promise<KeyPair<Ed25519PrivateKey, Ed25519PublicKey>>;
export function generateKeyPairAsync(type: 'ed448'): Promise<KeyPair<Ed448PrivateKey, Ed448PublicKey>>;
export function generateKeyPairAsync(type: 'x25519'): Promise<KeyPair<X25519PrivateKey, X25519PublicKey>>;
export function generateKeyPairAsync(type: 'x448'): Promise<KeyPair<X448PrivateKey, X448PublicKey>>;
export function generateKeyPairAsync(type: 'rsa', options?: RSAKeyPairOptions): Promise<KeyPair<RSAPrivateKey, RSAPublicKey>>;

/**
 * crypto.sign(algorithm, data, key): algorithm null/undefined for Ed25519 /
 * Ed448 keys; for RSA keys a hash name (PKCS#1 v1.5, node's default).
 */
export function sign(algorithm: null | undefined, data: Bytes, key: Ed25519PrivateKey | Ed448PrivateKey): Buffer;
export function sign(algorithm: HashName | null | undefined, data: Bytes, key: RSAPrivateKey): Buffer;
/**
 * crypto.verify(algorithm, data, key, signature): true or false (the key
 * classes' verify methods throw InvalidSignature instead). key may be a
 * private key (its public half verifies).
 */
export function verify(algorithm: null | undefined, data: Bytes,
  key: Ed25519PublicKey | Ed448PublicKey | Ed25519PrivateKey | Ed448PrivateKey, signature: Bytes): boolean;
export function verify(algorithm: HashName | null | undefined, data: Bytes, key: RSAPublicKey | RSAPrivateKey, signature: Bytes): boolean;

export function generateRSAPrivateKey(options?: GenerateOptions): RSAPrivateKey;
/** Key generation on the libuv thread pool. */
export function generateRSAPrivateKeyAsync(options?: GenerateOptions): Promise<RSAPrivateKey>;
/**
 * Loads a private key of whichever algorithm the data holds and returns the
 * class registered for it; UnsupportedAlgorithm for a type without one.
 */
export function loadPrivateKey(data: BytesOrString, options?: LoadOptions): PrivateKeyTypes;
export function loadPrivateKeyAsync(data: BytesOrString, options?: LoadOptions): Promise<PrivateKeyTypes>;
export function loadPublicKey(data: BytesOrString, options?: { encoding?: 'pem' | 'der' }): PublicKeyTypes;
export function loadPemPrivateKey(data: BytesOrString, password?: BytesOrString | null): PrivateKeyTypes;
export function loadDerPrivateKey(data: Bytes, password?: BytesOrString | null): PrivateKeyTypes;
export function loadPemPublicKey(data: BytesOrString): PublicKeyTypes;
export function loadDerPublicKey(data: Bytes): PublicKeyTypes;

// ---------------------------------------------------------------- misc

export function randomBytes(size: number): Buffer;
export function randomFill<T extends NodeJS.ArrayBufferView>(buffer: T): T;
/** The library's version ("MAJOR.MINOR.PATCH"). */
export function version(): string;
/** Path of the libcrypto-go.so the addon loaded. */
export const libraryPath: string;
/** Live native handles in the process (for leak tests). */
export function liveHandles(): number;
/** Symbol.dispose (or its fallback). */
export const dispose: symbol;
/** Status codes, enums and size macros of the C ABI. */
export const abi: {
  status: Record<string, number>;
  enums: Record<string, Record<string, number>>;
  macros: Record<string, number>;
  handles: string[];
};
