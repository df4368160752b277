import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal information at rest (个人信息保护法 第五十一条: 采取相应的加密等安全技术措施):
 * AES-256-GCM, stored as 'v1:' + base64(iv|tag|ciphertext).
 */
export type FieldCrypto = { encrypt: (plain: string) => string; decrypt: (stored: string) => string };

export function createFieldCrypto(key: Buffer): FieldCrypto {
  if (key.length !== 32) throw new Error('FAZHI_SECRET_KEY must be 32 bytes (64 hex characters)');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(stored.slice(3), 'base64');
      const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

function parseKey(s: string): Buffer {
  const k = /^[0-9a-f]{64}$/i.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (k.length !== 32) throw new Error('FAZHI_SECRET_KEY must decode to 32 bytes');
  return k;
}

/** The key comes from FAZHI_SECRET_KEY, or from DATA_DIR/secret.key, created (mode 0600) on first start. */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return parseKey(configured);
  const file = path.join(dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return parseKey(fs.readFileSync(file, 'utf8').trim());
}
