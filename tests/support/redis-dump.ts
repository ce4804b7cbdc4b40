import type { Redis } from 'ioredis';

/**
 * Every key of a Redis whose name or content contains `needle`: strings, hashes, lists, sets, sorted sets (members
 * and scores) and streams (entry ids and fields). What a privacy test looks through after a deletion.
 */
export async function keysMentioning(redis: Redis, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const key of await redis.keys('*')) {
    const type = await redis.type(key);
    let content: unknown;
    if (type === 'string') content = await redis.get(key);
    else if (type === 'hash') content = await redis.hgetall(key);
    else if (type === 'list') content = await redis.lrange(key, 0, -1);
    else if (type === 'set') content = await redis.smembers(key);
    else if (type === 'zset') content = await redis.zrange(key, '0', '-1', 'WITHSCORES');
    else if (type === 'stream') content = await redis.xrange(key, '-', '+');
    if (key.includes(needle) || JSON.stringify(content ?? '').includes(needle)) found.push(key);
  }
  return found;
}
