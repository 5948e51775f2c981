// Text for the function page's numbers. Pure.

const ONE_DECIMAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 2,048 bytes -> "2 KB"; Lambda reports code and layer sizes in bytes. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${ONE_DECIMAL.format(value)} ${units[unit]}`;
}

/** 0.125 -> "12.5 %". */
export function formatShare(share: number): string {
  return `${ONE_DECIMAL.format(share * 100)} %`;
}
