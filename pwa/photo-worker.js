// Resizes one photo off the main thread (docs/FORMAT.md, `file`): decode
// (createImageBitmap applies the EXIF orientation), scale so the longest
// side is at most maxSide — never enlarged; the same rule as
// canvass_core::media::fit, which the app checks the result against —
// and encode with OffscreenCanvas.convertToBlob. The page only posts the
// File and receives a Blob, so a 12-megapixel photo never blocks it.
self.onmessage = async (event) => {
  const { file, maxSide, type, quality } = event.data;
  const started = performance.now();
  try {
    const bitmap = await createImageBitmap(file);
    const { width, height } = bitmap;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const w = Math.min(maxSide, Math.max(1, Math.round(width * scale)));
    const h = Math.min(maxSide, Math.max(1, Math.round(height * scale)));
    const canvas = new OffscreenCanvas(w, h);
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type, quality });
    self.postMessage({ ok: true, blob, width: w, height: h, sourceWidth: width, sourceHeight: height,
      ms: performance.now() - started });
  } catch (e) {
    self.postMessage({ ok: false, error: e && e.name ? `${e.name}: ${e.message}` : String(e) });
  }
};
