import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './index.js';

describe('the SQLite statement cache', () => {
  it('prepares a statement once and hands it out again', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    db.exec('create table t (n integer)');
    const a = db.prepare('insert into t (n) values (?)');
    const b = db.prepare('insert into t (n) values (?)');
    expect(a).toBe(b);
    a.run(1);
    b.run(2);
    expect(db.prepare('select sum(n) as s from t').get()).toEqual({ s: 3 });
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const db = withStatementCache(new SQLite(':memory:'));
    db.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql);
    const seen: number[][] = [];
    for (const row of outer.iterate() as Iterable<{ n: number }>) {
      seen.push(db.prepare(sql).all().map((r) => (r as { n: number }).n).concat(row.n));
    }
    expect(seen).toEqual([
      [1, 2, 3, 1],
      [1, 2, 3, 2],
      [1, 2, 3, 3],
    ]);
  });

  it('forgets the least recently used statement when full', () => {
    const db = withStatementCache(new SQLite(':memory:'), 2);
    const one = db.prepare('select 1');
    db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // used again: now the newest
    db.prepare('select 3'); // pushes out "select 2"
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(db.prepare('select 3'));
  });
});
