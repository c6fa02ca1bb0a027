import PDFDocument from 'pdfkit';
import type { RecordDocument } from './subject-access-record.js';

/**
 * The record as a PDF, with pdfkit (pure JavaScript: no browser on the server). Tagged, with its
 * language and title, so a screen reader reads it in order: a heading for each part, then each
 * row as lines ("When it happened: …"). Standard fonts, so nothing is embedded or downloaded.
 */
export function renderRecordPdf(doc: RecordDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: doc.title, Subject: 'Subject access record', Creator: 'nwd-hub' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const section = pdf.struct('Sect');
  pdf.addStructure(section);
  const add = (type: string, draw: () => void) => section.add(pdf.struct(type, {}, draw));
  add('P', () =>
    pdf.font('Helvetica-Bold').fontSize(11).fillColor('#1d70b8').text('nwd-hub · No Wrong Door'),
  );
  add('H1', () =>
    pdf.moveDown(0.5).font('Helvetica-Bold').fontSize(20).fillColor('#0b0c0c').text(doc.title),
  );
  for (const line of doc.intro)
    add('P', () => pdf.moveDown(0.3).font('Helvetica').fontSize(10).text(line));
  for (const part of doc.sections) {
    add('H2', () => pdf.moveDown(1).font('Helvetica-Bold').fontSize(14).text(part.heading));
    if (part.rows.length === 0) {
      add('P', () => pdf.font('Helvetica').fontSize(10).text('None recorded.'));
      continue;
    }
    for (const row of part.rows) {
      add('P', () => {
        pdf.moveDown(0.4).font('Helvetica').fontSize(10);
        row.forEach((value, i) => {
          const label = part.columns[i];
          if (!value) return;
          if (label) pdf.font('Helvetica-Bold').text(`${label}: `, { continued: true });
          pdf.font(label || i > 0 ? 'Helvetica' : 'Helvetica-Bold').text(value);
        });
      });
    }
  }
  section.end();
  pdf.end();
  return done;
}
