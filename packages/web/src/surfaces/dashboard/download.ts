/** Saves a file the page made (chart images, CSV) through a temporary link: no server round trip. */
export function saveFile(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const svgBlob = (svg: string) => new Blob([svg], { type: "image/svg+xml;charset=utf-8" });
export const csvBlob = (csv: string) => new Blob([csv], { type: "text/csv;charset=utf-8" });

/**
 * Rasterises an SVG document to PNG (twice the size, for print) on a white background. The SVG is loaded from a
 * blob: URL, which the content security policy allows for images and which does not taint the canvas.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d canvas");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name safe on every system: `dashboard-trend-2025-12-01-2026-11-30.csv`. */
export function fileName(id: string, period: { from: string; to: string }, ext: string): string {
  return `dashboard-${id}-${period.from}-${period.to}.${ext}`;
}
