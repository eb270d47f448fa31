/** What a file's first bytes say it is, whatever its name claims. */
export type Magic = 'zip' | 'cfb' | 'pdf' | 'unknown';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);

export function sniff(bytes: Uint8Array): Magic {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'zip';
  // OLE compound file: old .doc, and what Office writes for a password-protected .docx
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  // %PDF may follow a little junk; readers look within the first kilobyte
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++)
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return 'pdf';
  return 'unknown';
}

/** An encrypted Office file is a compound file holding a stream named EncryptedPackage (UTF-16 in its directory). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    if (bytes[i] !== needle[0]) continue;
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}
