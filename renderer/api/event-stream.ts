/**
 * Server-sent events read from a fetch body rather than EventSource: EventSource cannot send an
 * Authorization header, and the browser host takes its token from that header only (never a cookie
 * or the URL). `SseParser` turns the text of the stream into events (the `event:`/`data:` lines of
 * the text/event-stream format; comments and other fields are ignored).
 */
export interface StreamEvent {
  event: string;
  data: string;
}

export class SseParser {
  private buffer = '';

  /** Feeds a piece of the stream; returns the events it completed. */
  push(text: string): StreamEvent[] {
    this.buffer += text.replace(/\r\n?/g, '\n');
    const out: StreamEvent[] = [];
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) out.push({ event, data: data.join('\n') });
    }
    return out;
  }
}
