/** Public URLs of the site (DESIGN.md "Public URLs"): lowercase slugs, trailing slashes. */

export const homeUrl = '/'
export const articlesUrl = (page = 1) => (page > 1 ? `/articles/${page}/` : '/articles/')
export const articleUrl = (slug: string) => `/articles/${slug}/`
export const topicUrl = (slug: string, page = 1) => (page > 1 ? `/topics/${slug}/${page}/` : `/topics/${slug}/`)
export const familiesUrl = '/families/'
export const familyUrl = (slug: string) => `/families/${slug}/`
export const coursesUrl = '/courses/'
export const courseUrl = (slug: string) => `/courses/${slug}/`
export const lecturersUrl = '/lecturers/'
export const lecturerUrl = (slug: string) => `/lecturers/${slug}/`
export const privacyUrl = '/privacy/'
export const myBookingUrl = '/my-booking/'
/** A session by invitation, booked through the link its requester shares (?session=…&invite=…). */
export const courseInviteUrl = '/courses/invite/'
/** A lecturer answers an offer (?t=…); a parent rates a session they attended (?code=…). */
export const offerAnswerUrl = '/order/offer/'
export const rateUrl = '/rate/'
export const orderUrl = (courseCode?: string) =>
  courseCode ? `/order/?course=${encodeURIComponent(courseCode)}` : '/order/'
export const orderTrackUrl = '/order/track/'

/** The "no filter" value of a course-filter URL segment. */
export const ANY = 'all'

/**
 * The families list under a filter (honour level × street, `all` for none), page by page: `/families/`,
 * `/families/2/` …; filtered `/families/filter/<level>/<street>/`, `/families/filter/<level>/<street>/2/` …
 */
export const familyListUrl = (level: string = ANY, street: string = ANY, page = 1) =>
  (level === ANY && street === ANY ? familiesUrl : `${familiesUrl}filter/${level}/${street}/`) +
  (page > 1 ? `${page}/` : '')

/** `/courses/` for no filter at all, else `/courses/filter/<category>/<age>/<format>/`. */
export const courseFilterUrl = (category: string, age: string, format: string) =>
  category === ANY && age === ANY && format === ANY ? coursesUrl : `/courses/filter/${category}/${age}/${format}/`

/** Where a rich-text internal link to a document of `collection` goes; undefined when the site has no page for it. */
export function documentUrl(collection: string, slug: string | undefined | null): string | undefined {
  if (!slug) return undefined
  switch (collection) {
    case 'articles':
      return articleUrl(slug)
    case 'families':
      return familyUrl(slug)
    case 'courses':
      return courseUrl(slug)
    case 'lecturers':
      return lecturerUrl(slug)
    case 'topics':
      return topicUrl(slug)
    default:
      return undefined
  }
}

/**
 * The path the page being rendered is served at: its own URL, except for a page rendered on demand for the static
 * site (pages/render), which sets the path of the static page it stands for.
 */
export const pagePath = (astro: { url: URL; locals: App.Locals }): string => astro.locals.pagePath ?? astro.url.pathname
