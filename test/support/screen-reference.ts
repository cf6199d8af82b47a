// A screen's reviewed reference image: the screenshot shrunk to a third and turned grey (small in the repository,
// blind to sub-pixel anti-aliasing), compared pixel by pixel within a stated tolerance. UPDATE_SCREENS=1 writes
// the references afresh, to be reviewed before they are committed.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

/** Each side of the stored image is the screenshot's divided by this. */
export const SCALE = 3;
/** A pixel "differs" when its grey level is off by more than this (of 255): font hinting and scaling move less. */
export const PIXEL_TOLERANCE = 32;
/** At most this share of a screen's pixels may differ: one changed word at body size is about 0.1 %. */
export const DIFFERING_SHARE = 0.002;

export const updateScreens = process.env.UPDATE_SCREENS === '1';

interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** The screenshot (a PNG) shrunk by SCALE, each stored pixel the mean grey of its SCALE × SCALE block. */
export function shrunkGrey(screenshot: Buffer): Grey {
  const png = PNG.sync.read(screenshot);
  const width = Math.floor(png.width / SCALE);
  const height = Math.floor(png.height / SCALE);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < SCALE; dy++) {
        for (let dx = 0; dx < SCALE; dx++) {
          const i = ((y * SCALE + dy) * png.width + x * SCALE + dx) * 4;
          sum += 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
        }
      }
      pixels[y * width + x] = Math.round(sum / (SCALE * SCALE));
    }
  }
  return { width, height, pixels };
}

function greyPng(grey: Grey): Buffer {
  const png = new PNG({ width: grey.width, height: grey.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.from(grey.pixels);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false, deflateLevel: 9 });
}

function readGreyPng(bytes: Buffer): Grey {
  const png = PNG.sync.read(bytes);
  const pixels = new Uint8Array(png.width * png.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = png.data[i * 4]!;
  return { width: png.width, height: png.height, pixels };
}

export interface ScreenComparison {
  file: string;
  /** The share of pixels off by more than PIXEL_TOLERANCE; 0 when the reference was just written. */
  differingShare: number;
  sizeMatches: boolean;
}

/** Compares the screenshot with its reference at `file` (written there instead when updating). */
export async function compareWithReference(screenshot: Buffer, file: string): Promise<ScreenComparison> {
  const got = shrunkGrey(screenshot);
  if (updateScreens) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, greyPng(got));
    return { file, differingShare: 0, sizeMatches: true };
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_SCREENS=1 and review it`);
  const expected = readGreyPng(await readFile(file));
  if (expected.width !== got.width || expected.height !== got.height) return { file, differingShare: 1, sizeMatches: false };
  let differing = 0;
  for (let i = 0; i < expected.pixels.length; i++) {
    if (Math.abs(got.pixels[i]! - expected.pixels[i]!) > PIXEL_TOLERANCE) differing++;
  }
  return { file, differingShare: differing / expected.pixels.length, sizeMatches: true };
}
