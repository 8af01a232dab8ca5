import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createFrameDecoder } from './zxing-js-decoder';
import { createWasmFrameDecoder } from '../../renderer/scanning/wasm-frame-decoder';
import type { SceneDecoder } from './read-within';

/** The two candidate camera decoders, in Node, with the options the app gives them. */
export interface NamedDecoder {
  name: string;
  decoder: SceneDecoder;
}

export function zxingJs(): NamedDecoder {
  const decoder = createFrameDecoder();
  return {
    name: 'zxing-js (@zxing/library 0.21.3)',
    decoder: { decode: async (...a) => decoder.decode(...a) },
  };
}

export async function zxingWasm(): Promise<NamedDecoder> {
  const bytes = readFileSync(
    createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
  );
  const binary = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  return {
    name: 'zxing-wasm 3.1.6 (zxing-cpp)',
    decoder: await createWasmFrameDecoder({ binary }),
  };
}
