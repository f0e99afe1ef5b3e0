"""The seed guide's walkthrough (shared/seed/python-cryptography-guide.md),
with only the top-level import changed from `cryptography` to `cryptogo`
(and the guide's nonexistent `asyncioc` import dropped). Runs in the tests."""

from cryptogo.fernet import Fernet
from cryptogo.hazmat.primitives import hashes, serialization
from cryptogo.hazmat.primitives.asymmetric import padding, rsa

# 1. Symmetric Encryption with Fernet

# Generate a key (store securely, e.g., in env vars)
key = Fernet.generate_key()
cipher = Fernet(key)

# Encrypt
plaintext = b"This is a secret message."
token = cipher.encrypt(plaintext)
print("Encrypted:", token)

# Decrypt
decrypted = cipher.decrypt(token)
print("Decrypted:", decrypted)

# 2. Asymmetric Encryption with RSA

# Generate private key
private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

# Serialize for storage
pem_private = private_key.private_bytes(
    encoding=serialization.Encoding.PEM,
    format=serialization.PrivateFormat.PKCS8,
    encryption_algorithm=serialization.NoEncryption(),  # Use BestAvailableEncryption() for password protection
)

# Get public key and serialize
public_key = private_key.public_key()
pem_public = public_key.public_bytes(
    encoding=serialization.Encoding.PEM, format=serialization.PublicFormat.SubjectPublicKeyInfo
)

# Encrypt with public key
plaintext = b"Secret message"
ciphertext = public_key.encrypt(
    plaintext, padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
)

# Decrypt with private key
decrypted = private_key.decrypt(
    ciphertext, padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
)
print("Decrypted:", decrypted)

# 3. Generating and Using Hashes

# Hash data
digest = hashes.Hash(hashes.SHA256())
digest.update(b"Some data")
hash_result = digest.finalize()
print("SHA256 Hash:", hash_result.hex())

# 4. Digital Signatures with RSA

# Using the RSA keys from earlier
message = b"Data to sign"
signature = private_key.sign(
    message, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH), hashes.SHA256()
)

# Verify with public key
try:
    public_key.verify(
        signature,
        message,
        padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.MAX_LENGTH),
        hashes.SHA256(),
    )
    print("Signature valid")
except Exception:
    print("Signature invalid")
