import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lambdaplane", template: "%s · Lambdaplane" },
  description: "A web control plane for AWS Lambda stacks.",
  // Served from public/ as it is (as is robots.txt, which keeps a private control plane out of search engines).
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce on its scripts only while
  // rendering, and a page prerendered at build time would carry none (its scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
