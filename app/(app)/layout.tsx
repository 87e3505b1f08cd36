// The signed-in pages, under one header. Every page here depends on who is asking.
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { StepUpDialog } from "@/app/_components/step-up-dialog";
import { SiteHeader } from "./site-header";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = (await getPageCaller())?.user ?? null;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      {/* Every sensitive action of these pages asks through it (lib/client/step-up.ts). */}
      {user ? <StepUpDialog /> : null}
    </>
  );
}
