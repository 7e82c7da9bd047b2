import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CdrRecord } from '../../../src-main/core/cdr/types';

export function tempDbFile(): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdr-test-'));
  return { file: path.join(dir, 'cdr.db'), cleanup: () => { fs.rmSync(dir, { recursive: true, force: true }); } };
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** 'YYYY-MM-DD HH:MM:SS' for a UTC instant (tests ingest with timeZone 'UTC' unless they say otherwise). */
export function utcWall(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A plain, valid AMI-shaped record; override what a test cares about. */
export function rec(i: number, over: Partial<CdrRecord> = {}): CdrRecord {
  const start = Date.UTC(2026, 10, 24, 8, 0, 0) + i * 37_000;
  return {
    uniqueid: `lab-${String(Math.floor(start / 1000))}.${String(i)}`,
    start: utcWall(start),
    answer: utcWall(start + 2000),
    end: utcWall(start + 62_000),
    clid: `"Caller ${String(i)}" <+4930${String(100000 + i)}>`,
    src: `+4930${String(100000 + i)}`,
    dst: String(100 + (i % 5)),
    dcontext: 'from-trunk',
    channel: `PJSIP/trunk-${i.toString(16).padStart(8, '0')}`,
    dstchannel: `PJSIP/${String(100 + (i % 5))}-${(i + 1).toString(16).padStart(8, '0')}`,
    lastapp: 'Dial',
    lastdata: `PJSIP/${String(100 + (i % 5))},30`,
    duration: 62,
    billsec: 60,
    disposition: 'ANSWERED',
    amaflags: 'DOCUMENTATION',
    accountcode: '',
    userfield: '',
    source: 'ami',
    ...over,
  };
}
