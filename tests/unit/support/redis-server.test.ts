import { startRedisServer } from '../../support/redis-server';
import { connect } from 'node:net';

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString());
    });
    socket.once('error', reject);
  });
}

describe('test redis-server', () => {
  it('starts a private server that answers PING and stops', async () => {
    const server = await startRedisServer();
    try {
      expect(await ping(server.port)).toBe('+PONG\r\n');
      await server.stop();
      await expect(ping(server.port)).rejects.toThrow();
    } finally {
      await server.destroy();
    }
  });

  it('shares one server for the run through TEST_REDIS_URL', () => {
    expect(process.env.TEST_REDIS_URL).toMatch(/^redis:\/\/.+:\d+$/);
  });
});
