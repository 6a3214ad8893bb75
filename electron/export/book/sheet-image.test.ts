import { describe, expect, it } from 'vitest';
import { EMU_PER_PX, drawingXml, withPictureTypes } from './sheet-image';

const TYPES = '<?xml version="1.0"?><Types xmlns="x"><Default Extension="xml" ContentType="application/xml"/></Types>';

describe('streamed pictures', () => {
  it('adds the PNG type once and one drawing part per sheet with pictures', () => {
    const out = withPictureTypes(TYPES, 2);
    expect(out.match(/Extension="png"/g)).toHaveLength(1);
    expect(out).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
    expect(out).toContain('<Override PartName="/xl/drawings/drawing2.xml"');
    expect(withPictureTypes(out.replace(/<Override[^>]*drawing[^>]*>/g, ''), 1).match(/Extension="png"/g)).toHaveLength(1);
    expect(withPictureTypes(TYPES, 0)).toBe(TYPES);
  });

  it('anchors each picture at its cell with its size in EMU and an escaped description', () => {
    const xml = drawingXml([
      { png: Buffer.alloc(0), col: 3, row: 7, widthPx: 600, heightPx: 400, description: 'Zorgen & "schade" <2025>' },
      { png: Buffer.alloc(0), col: 0, row: 40, widthPx: 10, heightPx: 20, description: 'b' },
    ]);
    expect(xml).toContain('<xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row>');
    expect(xml).toContain(`<xdr:ext cx="${600 * EMU_PER_PX}" cy="${400 * EMU_PER_PX}"/>`);
    expect(xml).toContain('descr="Zorgen &amp; &quot;schade&quot; &lt;2025&gt;"');
    expect(xml).toContain('r:embed="rId1"');
    expect(xml).toContain('r:embed="rId2"');
    expect(xml.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
  });
});
