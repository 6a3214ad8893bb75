import { describe, expect, it } from 'vitest';
import { EMU_PER_PX, drawingRels, drawingXml } from './drawing';

describe('drawing part', () => {
  it('anchors each picture at its cell with its size in EMU and an escaped description', () => {
    const xml = drawingXml([
      { col: 3, row: 7, widthPx: 600, heightPx: 400, description: 'Zorgen & "schade" <2025>' },
      { col: 0, row: 40, widthPx: 10, heightPx: 20, description: 'b' },
    ]);
    expect(xml).toContain('<xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row>');
    expect(xml).toContain(`<xdr:ext cx="${600 * EMU_PER_PX}" cy="${400 * EMU_PER_PX}"/>`);
    expect(xml).toContain('descr="Zorgen &amp; &quot;schade&quot; &lt;2025&gt;"');
    expect(xml).toContain('r:embed="rId1"');
    expect(xml).toContain('r:embed="rId2"');
    expect(xml.match(/<xdr:oneCellAnchor>/g)).toHaveLength(2);
  });

  it('relates picture i to its media file as rId{i+1}', () => {
    const rels = drawingRels(['image4.png', 'image5.png']);
    expect(rels).toContain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image4.png"');
    expect(rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image5.png"');
  });
});
