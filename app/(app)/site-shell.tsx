// The header and main landmark of the pages outside the signed-in group that still belong
// to the app (the API reference, "page not found"), as app/(app)/layout.tsx lays out its own.
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { SiteHeader } from "./site-header";

type SiteShellProps = { className?: string; wide?: boolean; children: React.ReactNode };

export async function SiteShell({ className, wide = false, children }: SiteShellProps) {
  const user = (await getPageCaller())?.user ?? null;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader user={user} wide={wide} />
      <main id="main" tabIndex={-1} className={className}>
        {children}
      </main>
    </>
  );
}
