import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { requireStaff } from '../../../impact/access.ts'
import { answer, ImpactError } from '../../../impact/errors.ts'
import { periodQuery, resolvePeriod } from '../../../impact/period.ts'
import { currentReport, reportOf } from '../../../impact/service.ts'
import { reportWorkbook } from '../../../impact/xlsx.ts'

const noStore = { 'Cache-Control': 'no-store' }
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function parsePeriod(input: unknown) {
  const parsed = periodQuery.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new ImpactError(
      'invalid_input',
      `统计期间有误：${issue?.message ?? '请重新选择'}`,
      String(issue?.path[0] ?? 'kind'),
    )
  }
  return resolvePeriod(parsed.data)
}

const searchOf = (req: PayloadRequest) => Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams)

const snapshotBody = z.object({ period: z.unknown(), title: z.string().trim().max(80).optional() })

async function jsonBody(req: PayloadRequest): Promise<unknown> {
  try {
    return JSON.parse((await req.text?.()) ?? '')
  } catch {
    throw new ImpactError('invalid_input', '请求内容应为 JSON 格式')
  }
}

/** The figures dashboard's API and the annual report: current figures, frozen snapshots and their XLSX. */
export const impactReportEndpoints: Endpoint[] = [
  {
    // GET /api/impact-reports/figures?kind=year&year=2026: the figures as of now (what the dashboard shows).
    path: '/figures',
    method: 'get',
    handler: answer(async (req) => {
      const { streets } = requireStaff(req)
      const report = await currentReport(req.payload, parsePeriod(searchOf(req)), streets)
      return Response.json(report, { headers: noStore })
    }),
  },
  {
    // POST /api/impact-reports/snapshot {period, title?}: freezes the figures of a period as they are now.
    path: '/snapshot',
    method: 'post',
    handler: answer(async (req) => {
      const { streets } = requireStaff(req)
      const body = snapshotBody.safeParse(await jsonBody(req))
      if (!body.success) throw new ImpactError('invalid_input', '请选择统计期间', 'period')
      const period = parsePeriod(body.data.period)
      const report = await currentReport(req.payload, period, streets)
      const doc = await req.payload.create({
        collection: 'impact-reports',
        data: {
          title: body.data.title || `${period.label}福家工作数据${streets ? `（${streets.join('、')}）` : ''}`,
          periodKey: period.key,
          periodLabel: period.label,
          streets: streets ?? [],
          figures: report as unknown as Record<string, unknown>,
          createdBy: req.user?.id,
        },
        overrideAccess: true,
      })
      return Response.json({ id: doc.id, createdAt: doc.createdAt }, { status: 201, headers: noStore })
    }),
  },
  {
    // GET /api/impact-reports/:id/xlsx: the snapshot as a workbook (one sheet per breakdown and the definitions).
    path: '/:id/xlsx',
    method: 'get',
    handler: answer(async (req) => {
      requireStaff(req)
      const id = String(req.routeParams?.id ?? '')
      const doc = await req.payload
        .findByID({ collection: 'impact-reports', id, depth: 0, overrideAccess: true })
        .catch(() => null)
      if (!doc) throw new ImpactError('not_found', '未找到该报告快照')
      const buffer = await reportWorkbook(reportOf(doc), { title: doc.title, createdAt: doc.createdAt })
      const name = encodeURIComponent(`${doc.title}.xlsx`)
      return new Response(new Uint8Array(buffer), {
        headers: {
          ...noStore,
          'Content-Type': XLSX_TYPE,
          'Content-Disposition': `attachment; filename="impact-report-${doc.id}.xlsx"; filename*=UTF-8''${name}`,
        },
      })
    }),
  },
]
