// At-rest encryption keys with WebCrypto (src/storage/at_rest.rs).
// The device has one ECDH P-256 key pair. Its private key is stored only
// encrypted (AES-GCM) under a key derived from the PIN (PBKDF2-SHA256).
// Each app session seals with a key it derives, without the PIN, from a
// fresh ephemeral key pair and the device's public key (ECDH, then HKDF
// with the ephemeral public key as salt); the unwrapped private key
// derives the same key from the ephemeral public key stored in each
// sealed record. The private key lives only in this module's variable,
// non-extractable, between unlock() and lock().
const S = crypto.subtle;
const EC = { name: "ECDH", namedCurve: "P-256" };
const INFO = new TextEncoder().encode("canvass at-rest v1");
let priv = null;

const b64 = (buf) => {
  const bytes = new Uint8Array(buf);
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
};
const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function kek(pin, salt, iterations) {
  const base = await S.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  return S.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

async function sessionKey(privateKey, otherRaw, epkRaw) {
  const other = await S.importKey("raw", otherRaw, EC, false, []);
  const shared = await S.deriveBits({ name: "ECDH", public: other }, privateKey, 256);
  const h = await S.importKey("raw", shared, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(await S.deriveBits({ name: "HKDF", hash: "SHA-256", salt: epkRaw, info: INFO }, h, 256));
}

async function wrap(pkcs8, pin, iterations, publicB64) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await S.encrypt({ name: "AES-GCM", iv }, await kek(pin, salt, iterations), pkcs8);
  return JSON.stringify({
    format: "canvass-at-rest",
    version: 1,
    kdf: "PBKDF2-SHA256",
    iterations,
    salt: b64(salt),
    iv: b64(iv),
    wrapped: b64(wrapped),
    public: publicB64,
  });
}

async function unwrap(configJson, pin) {
  const c = JSON.parse(configJson);
  const k = await kek(pin, unb64(c.salt), c.iterations);
  try {
    return await S.decrypt({ name: "AES-GCM", iv: unb64(c.iv) }, k, unb64(c.wrapped));
  } catch (e) {
    throw new Error("wrong PIN");
  }
}

/// A new device key pair, its private key wrapped under `pin`; the
/// module stays unlocked with it. Returns the configuration's JSON.
export async function create(pin, iterations) {
  const pair = await S.generateKey(EC, true, ["deriveBits"]);
  const pkcs8 = await S.exportKey("pkcs8", pair.privateKey);
  const pub = b64(await S.exportKey("raw", pair.publicKey));
  const config = await wrap(pkcs8, pin, iterations, pub);
  priv = await S.importKey("pkcs8", pkcs8, EC, false, ["deriveBits"]);
  return config;
}

/// Unwraps the private key with `pin` (throws "wrong PIN").
export async function unlock(configJson, pin) {
  const pkcs8 = await unwrap(configJson, pin);
  priv = await S.importKey("pkcs8", pkcs8, EC, false, ["deriveBits"]);
}

/// The configuration with the private key wrapped under `newPin`.
export async function rewrap(configJson, oldPin, newPin) {
  const c = JSON.parse(configJson);
  const pkcs8 = await unwrap(configJson, oldPin);
  return wrap(pkcs8, newPin, c.iterations, c.public);
}

export function lock() {
  priv = null;
}

/// This session's sealing key, for the device public key of the
/// configuration: [epk (base64), key bytes].
export async function writer(configJson) {
  const c = JSON.parse(configJson);
  if (c.format !== "canvass-at-rest" || c.version !== 1) throw new Error("unknown encryption settings");
  const pair = await S.generateKey(EC, true, ["deriveBits"]);
  const epk = new Uint8Array(await S.exportKey("raw", pair.publicKey));
  return [b64(epk), await sessionKey(pair.privateKey, unb64(c.public), epk)];
}

/// The keys of the sessions `epks` ([[epk, bytes], …]); a session whose
/// key does not derive is left out.
export async function derive(epks) {
  if (!priv) throw new Error("locked: the PIN has not been given");
  const out = [];
  for (const e of epks) {
    try {
      const raw = unb64(e);
      out.push([e, await sessionKey(priv, raw, raw)]);
    } catch (err) {
      // A malformed session name: its records are reported as damaged.
    }
  }
  return out;
}
