import { describe, expect, it } from 'vitest';
import { base64ImageInfo, imageInfo } from '../../templates/scene/image';
import { LANDSCAPE_PNG } from '../fixtures/deck/png';

const b64 = (bytes: number[]): string => btoa(String.fromCharCode(...bytes));
const riff = (chunk: string, body: number[]): number[] => [
  ...[0x52, 0x49, 0x46, 0x46, 0x40, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
  ...[...chunk].map((c) => c.charCodeAt(0)),
  ...[0x20, 0, 0, 0],
  ...body,
];

describe('the one picture-header reader (slides, brief and logo alike)', () => {
  it('walks past fill bytes and standalone markers to a JPEG frame header', () => {
    // SOI, APP0, three 0xFF fill bytes, a restart marker, then a progressive frame of 800×600
    const jpeg = [
      ...[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00],
      ...[0xff, 0xff, 0xff, 0xd0],
      ...[0xff, 0xc2, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    expect(imageInfo(Uint8Array.from(jpeg))).toEqual({ kind: 'jpeg', width: 800, height: 600 });
  });

  it('reads the three kinds of WebP: lossy, lossless and extended', () => {
    // VP8: a key frame's start code, then 14-bit width and height
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x01, 0xf0, 0x00, 0, 0]);
    expect(imageInfo(Uint8Array.from(lossy))).toEqual({ kind: 'webp', width: 320, height: 240 });
    // VP8L: the signature byte, then width-1 and height-1 in 14 bits each
    const bits = 99 | (49 << 14);
    const lossless = riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, 0, 0]);
    expect(imageInfo(Uint8Array.from(lossless))).toEqual({ kind: 'webp', width: 100, height: 50 });
    // VP8X: flags, then width-1 and height-1 in 24 bits each
    const extended = riff('VP8X', [0x10, 0, 0, 0, 0x7f, 0x07, 0x00, 0x37, 0x04, 0x00]);
    expect(imageInfo(Uint8Array.from(extended))).toEqual({ kind: 'webp', width: 1920, height: 1080 });
  });

  it('reads GIF and BMP, a bottom-up bitmap included', () => {
    const gif = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x03, 0x58, 0x02, 0, 0, 0, 0];
    expect(imageInfo(Uint8Array.from(gif))).toEqual({ kind: 'gif', width: 800, height: 600 });
    const bmp = new Uint8Array(30);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 64, true);
    new DataView(bmp.buffer).setInt32(22, -48, true);
    expect(imageInfo(bmp)).toEqual({ kind: 'bmp', width: 64, height: 48 });
  });

  it('trusts the bytes, not the declared type: a PNG labelled JPEG is not read as one', () => {
    expect(base64ImageInfo('image/png', LANDSCAPE_PNG)).toEqual({ kind: 'png', width: 480, height: 270 });
    expect(base64ImageInfo('image/jpeg', LANDSCAPE_PNG)).toBeNull();
  });

  it('gives up on anything it cannot read, whatever its length', () => {
    expect(imageInfo(new Uint8Array())).toBeNull();
    expect(imageInfo(Uint8Array.from([0xff, 0xd8, 0xff]))).toBeNull();
    expect(imageInfo(Uint8Array.from([0xff, 0xd8, 0x12, 0x34, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(base64ImageInfo('image/png', b64([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(base64ImageInfo('image/png', '%%% not base64')).toBeNull();
  });
});
