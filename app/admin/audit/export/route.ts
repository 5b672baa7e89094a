import { auditCsvHead, auditCsvRows } from "@/lib/audit-csv";
import { requireActor } from "@/lib/auth/guards";
import { exportAuditEvents } from "@/lib/data/audit";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { auditFilterFields, auditFilterSchema } from "@/lib/validation/audit";

// GET /admin/audit/export?…filters…: the filtered audit log as CSV, for admins. Streamed: each
// batch of rows is read from the database only when the download asks for more, so a large log
// neither sits in memory nor holds a connection longer than the reader does.

export const dynamic = "force-dynamic";

function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** 审计日志-20261126-1730.csv, in the newsroom's clock. */
function fileName(now: Date): string {
  const stamp = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false })
    .format(now)
    .replace(/\D/g, "");
  return `审计日志-${stamp.slice(0, 8)}-${stamp.slice(8)}.csv`;
}

export async function GET(request: Request): Promise<Response> {
  let actor;
  try {
    actor = await requireActor("ADMIN");
  } catch (error) {
    if (error instanceof AppError) return refusal(error.code === "UNAUTHENTICATED" ? 401 : 403, error.message);
    throw error;
  }
  const params = new URL(request.url).searchParams;
  const parsed = auditFilterSchema.safeParse(auditFilterFields((key) => params.get(key) ?? undefined));
  if (!parsed.success) return refusal(400, `筛选条件有误，没有导出：${parsed.error.issues.map((issue) => issue.message).join(" ")}`);

  const batches = exportAuditEvents(actor, parsed.data);
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(auditCsvHead()));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(auditCsvRows(next.value)));
      } catch (error) {
        // Headers are gone by now: end the download with a line saying it is incomplete.
        console.error("audit export failed", error);
        controller.enqueue(encoder.encode(`\r\n${GENERIC_ERROR_MESSAGE}（导出不完整）\r\n`));
        controller.close();
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const name = fileName(new Date());
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      // The ASCII name for old clients, the Chinese one (RFC 6266 / 5987) for the rest.
      "content-disposition": `attachment; filename="audit-log.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
