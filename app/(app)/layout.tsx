// The signed-in pages, under one header. Every page here depends on who is asking.
import { getPageCaller } from "@/lib/auth/accounts/page-caller";
import { StatusProvider } from "@/app/_components/status-message";
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
        {/* Inside main: the success message is part of the page it reports on. */}
        <StatusProvider>{children}</StatusProvider>
      </main>
      {/* Every sensitive action of these pages asks through it (lib/client/step-up.ts). */}
      {user ? <StepUpDialog /> : null}
    </>
  );
}
