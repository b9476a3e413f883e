/**
 * Test and demo helpers: start a throwaway `redis-server` on 127.0.0.1. Not for production.
 *
 * @packageDocumentation
 */
export { findRedisServer } from './find-redis-server.js';
export { startRedisServer, type RedisServerHandle, type StartRedisServerOptions } from './start-redis-server.js';
export { loopbackAdapter, startLoopbackNetwork, type LoopbackNetwork, type LoopbackPost } from './loopback-network.js';
