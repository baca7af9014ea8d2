import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { PersonDocumentMime } from '../../../shared/domain/person-documents.js';

/** The types a document file may have, known by their first bytes; the name's extension must agree. */
const signatures: Array<{ mime: PersonDocumentMime; magic: Buffer; extensions: string[]; label: string }> = [
  { mime: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1'), extensions: ['.pdf'], label: 'PDF' },
  { mime: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]), extensions: ['.jpg', '.jpeg'], label: 'JPG' },
  { mime: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), extensions: ['.png'], label: 'PNG' },
];

/** The file's type by content; refused when it is none of PDF, JPG, PNG or the name claims another type. */
export function fileTypeOf(name: string, bytes: Buffer): PersonDocumentMime {
  const ext = path.extname(name).toLowerCase();
  const byContent = signatures.find((s) => bytes.subarray(0, s.magic.length).equals(s.magic));
  if (!byContent) {
    throw new AppError(
      'unsupported_format',
      `„${name}“ ist keine PDF-, JPG- oder PNG-Datei (am Inhalt geprüft). Es wurde nichts gespeichert.`,
      `"${name}" is not a PDF, JPG or PNG file (checked by content). Nothing was stored.`,
    );
  }
  if (!byContent.extensions.includes(ext)) {
    throw new AppError(
      'unsupported_format',
      `„${name}“ ist dem Inhalt nach eine ${byContent.label}-Datei, der Name sagt etwas anderes. Bitte die Datei prüfen; es wurde nichts gespeichert.`,
      `"${name}" is a ${byContent.label} file by its content but its name says otherwise. Nothing was stored.`,
    );
  }
  return byContent.mime;
}
