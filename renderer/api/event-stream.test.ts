import { describe, expect, it } from 'vitest';
import { SseParser } from './event-stream';

describe('SseParser', () => {
  it('reads events split across chunks, skips comments, joins data lines', () => {
    const p = new SseParser();
    expect(p.push(': connected\n\nevent: project.changed\nda')).toEqual([]);
    expect(p.push('ta: {"reason":"open"}\n\nevent: job.progress\r\ndata: 1\r\ndata: 2\r\n\r\n')).toEqual([
      { event: 'project.changed', data: '{"reason":"open"}' },
      { event: 'job.progress', data: '1\n2' },
    ]);
  });
});
