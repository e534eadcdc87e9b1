/**
 * Share meta and schema.org structured data (JSON-LD) for the pages. Every URL is absolute, made from the
 * site's address (SITE_URL, Astro's `site`); every date carries Beijing time's offset (+08:00).
 */

import { articleUrl, courseUrl, homeUrl, lecturerUrl } from '../../common/urls.ts'
import type { Article, Course, Lecturer, Session, SiteSettings } from './content.ts'
import type { Image, ImageVariant } from './media.ts'

/** A schema.org node. */
export type Thing = { '@type'?: string | string[]; '@id'?: string; [key: string]: unknown }

/** A breadcrumb trail as the Breadcrumbs component shows it, home first (implied). */
export type Crumb = { label: string; href?: string }

/**
 * Groups the schemas default to `{}` when missing (site contact, SEO, venue): their parsed type is a union with
 * `{}`, so they are read through these shapes.
 */
type Contact = { phone?: string; email?: string; address?: string }
type Seo = { title?: string; description?: string; image?: Image }
type Venue = { street?: string; community?: string; address?: string }

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** "2026-11-23T14:30:00+08:00": the instant in Beijing time (China has no daylight saving time). */
export const beijingIso = (value: string | Date): string =>
  `${new Date(new Date(value).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`

export const absoluteUrl = (path: string, site: URL): string => new URL(path, site).href

/** The file a share card shows: the hero size, else the card size, else the original. */
export const shareImage = (image: Image | undefined): ImageVariant | undefined =>
  image && (image.sizes.hero ?? image.sizes.card ?? image.original)

const imageObject = (image: Image | undefined, site: URL): Thing | undefined => {
  const file = shareImage(image)
  return file && image
    ? {
        '@type': 'ImageObject',
        url: absoluteUrl(file.src, site),
        width: file.width,
        height: file.height,
        ...(image.alt && { caption: image.alt }),
      }
    : undefined
}

/** ISO 8601 duration: 90 → "PT1H30M". */
const isoDuration = (minutes: number) =>
  `PT${minutes >= 60 ? `${Math.floor(minutes / 60)}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`

/** Node IDs the pages share, so that nodes refer to each other instead of repeating themselves. */
export const organisationId = (site: URL) => absoluteUrl('/#organization', site)
export const websiteId = (site: URL) => absoluteUrl('/#website', site)
const ref = (id: string) => ({ '@id': id })

/** The organisation behind the site (主办单位), publisher of articles and provider of courses. */
export const organisation = (settings: SiteSettings, site: URL): Thing => {
  const contact: Contact = settings.contact
  return {
    '@type': 'Organization',
    '@id': organisationId(site),
    name: settings.organisation ?? settings.siteName,
    ...(settings.organisation && { alternateName: settings.siteName }),
    url: absoluteUrl(homeUrl, site),
    logo: absoluteUrl('/favicon.svg', site),
    ...(contact.phone && { telephone: contact.phone }),
    ...(contact.email && { email: contact.email }),
    ...(contact.address && { address: contact.address }),
  }
}

export const website = (settings: SiteSettings, site: URL): Thing => ({
  '@type': 'WebSite',
  '@id': websiteId(site),
  name: settings.siteName,
  ...(settings.tagline && { description: settings.tagline }),
  url: absoluteUrl(homeUrl, site),
  inLanguage: 'zh-CN',
  publisher: ref(organisationId(site)),
})

/** The trail, home first; the last item is the page itself (its own URL). */
export const breadcrumbList = (items: Crumb[], pageUrl: string, site: URL): Thing => ({
  '@type': 'BreadcrumbList',
  itemListElement: [{ label: '首页', href: homeUrl }, ...items].map((item, i, all) => ({
    '@type': 'ListItem',
    position: i + 1,
    name: item.label,
    item: i === all.length - 1 ? pageUrl : item.href ? absoluteUrl(item.href, site) : undefined,
  })),
})

export function articleData(
  article: Article,
  { site, topicNames, image }: { site: URL; topicNames: string[]; image: Image | undefined },
): Thing {
  const a = article.data
  const seo: Seo = a.seo
  const url = absoluteUrl(articleUrl(a.slug), site)
  return {
    '@type': 'Article',
    '@id': `${url}#article`,
    mainEntityOfPage: url,
    url,
    headline: seo.title ?? a.title,
    description: seo.description ?? a.summary,
    datePublished: beijingIso(a.publishedAt),
    dateModified: beijingIso(a.updatedAt ?? a.publishedAt),
    author: a.author ? { '@type': 'Person', name: a.author } : ref(organisationId(site)),
    publisher: ref(organisationId(site)),
    inLanguage: 'zh-CN',
    ...(imageObject(image, site) && { image: imageObject(image, site) }),
    ...(topicNames.length > 0 && { articleSection: topicNames[0], keywords: topicNames.join(',') }),
    ...(a.origin === 'reprint' &&
      (a.sourceUrl || a.sourceName) && {
        isBasedOn: a.sourceUrl ?? a.sourceName,
        ...(a.sourceName && { sourceOrganization: { '@type': 'Organization', name: a.sourceName } }),
      }),
    isPartOf: ref(websiteId(site)),
  }
}

export const lecturerId = (lecturer: Lecturer, site: URL) =>
  `${absoluteUrl(lecturerUrl(lecturer.data.slug), site)}#person`

export function personData(lecturer: Lecturer, { site, teamName }: { site: URL; teamName: string }): Thing {
  const l = lecturer.data
  const url = absoluteUrl(lecturerUrl(l.slug), site)
  return {
    '@type': 'Person',
    '@id': lecturerId(lecturer, site),
    name: l.name,
    url,
    mainEntityOfPage: url,
    ...(l.title && { jobTitle: l.title }),
    ...(l.organisation && { worksFor: { '@type': 'Organization', name: l.organisation } }),
    ...(l.bio && { description: l.bio }),
    ...(l.expertise.length > 0 && { knowsAbout: l.expertise }),
    ...(imageObject(l.photo, site) && { image: imageObject(l.photo, site) }),
    memberOf: { '@type': 'Organization', name: teamName, parentOrganization: ref(organisationId(site)) },
  }
}

type CourseContext = {
  site: URL
  categoryName: string | undefined
  audience: string
  lecturers: Lecturer[]
  sessions: Session[]
}

/** Where a session happens, as schema.org has it: a place in the district, or online (the link stays private). */
function sessionLocation(course: Course, session: Session, site: URL): Thing {
  if (course.data.format === 'online')
    return { '@type': 'VirtualLocation', url: absoluteUrl(courseUrl(course.data.slug), site) }
  const { street, community, address }: Venue = session.data.venue
  return {
    '@type': 'Place',
    name: [street, community].filter(Boolean).join(' ') || '地点待定',
    address: {
      '@type': 'PostalAddress',
      ...(address && { streetAddress: address }),
      ...(street && { addressLocality: street }),
      addressCountry: 'CN',
    },
  }
}

export function courseData(course: Course, ctx: CourseContext): Thing[] {
  const c = course.data
  const { site } = ctx
  const url = absoluteUrl(courseUrl(c.slug), site)
  const courseId = `${url}#course`
  const image = imageObject(c.cover, site)
  const performers = ctx.lecturers.map((l) => ({ '@type': 'Person', '@id': lecturerId(l, site), name: l.data.name }))
  const online = c.format === 'online'
  const events: Thing[] = ctx.sessions.map((session) => {
    const { id, data: s } = session
    const full = s.seatsLeft === 0
    return {
      '@type': 'Event',
      '@id': `${url}#session-${id}`,
      name: `${c.title}（${c.code}）`,
      description: c.summary,
      url: `${url}#booking`,
      startDate: beijingIso(s.startsAt),
      endDate: beijingIso(s.endsAt),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: `https://schema.org/${online ? 'Online' : 'Offline'}EventAttendanceMode`,
      location: sessionLocation(course, session, site),
      isAccessibleForFree: true,
      maximumAttendeeCapacity: s.capacity,
      remainingAttendeeCapacity: s.seatsLeft,
      offers: {
        '@type': 'Offer',
        price: 0,
        priceCurrency: 'CNY',
        url: `${url}#booking`,
        availability: `https://schema.org/${full ? (s.waitlistSize > 0 ? 'LimitedAvailability' : 'SoldOut') : 'InStock'}`,
        ...(s.bookingOpensAt && { validFrom: beijingIso(s.bookingOpensAt) }),
        ...(s.bookingClosesAt && { validThrough: beijingIso(s.bookingClosesAt) }),
      },
      organizer: ref(organisationId(site)),
      ...(performers.length > 0 && { performer: performers }),
      ...(image && { image }),
      inLanguage: 'zh-CN',
      about: ref(courseId),
    }
  })
  const courseNode: Thing = {
    '@type': 'Course',
    '@id': courseId,
    name: c.title,
    courseCode: c.code,
    description: c.summary,
    url,
    mainEntityOfPage: url,
    provider: ref(organisationId(site)),
    inLanguage: 'zh-CN',
    isAccessibleForFree: true,
    timeRequired: isoDuration(c.durationMinutes),
    audience: { '@type': 'EducationalAudience', educationalRole: 'parent', audienceType: ctx.audience },
    ...(ctx.categoryName && { about: ctx.categoryName }),
    ...(image && { image }),
    ...(performers.length > 0 && { instructor: performers }),
    ...(ctx.sessions.length > 0 && {
      hasCourseInstance: ctx.sessions.map((session) => ({
        '@type': 'CourseInstance',
        courseMode: online ? 'online' : 'onsite',
        startDate: beijingIso(session.data.startsAt),
        endDate: beijingIso(session.data.endsAt),
        location: sessionLocation(course, session, site),
        subjectOf: ref(`${url}#session-${session.id}`),
      })),
    }),
    offers: { '@type': 'Offer', category: 'Free', price: 0, priceCurrency: 'CNY' },
  }
  return [courseNode, ...events]
}

/** The page's JSON-LD, safe inside a <script> element (no "</script>", no "<!--"). */
export const jsonLd = (graph: Thing[]): string =>
  JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
