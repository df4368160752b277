import type { Role } from '@fazhi/contracts';
import type { Db } from './db/pool';
import type { Config } from './config';
import type { FieldCrypto } from './crypto/field-crypto';

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  regionName: string;
  /** Path of the actor's organisation's region: '410000/411200/' */
  regionPath: string;
  roles: Role[];
  mustChangePassword: boolean;
  sessionIdHash: string | null;
  csrfToken: string;
};

/** What every service function receives: who asks, from where, and the database. */
export type Ctx = {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  now: () => Date;
};

/** A system actor for jobs, the CLI and seeding; it passes no policy check, it only labels audit entries. */
export function systemCtx(db: Db, config: Config, crypto: FieldCrypto, name = 'system'): Ctx {
  return { db, config, crypto, actor: null, requestId: name, ip: null, now: () => new Date() };
}
