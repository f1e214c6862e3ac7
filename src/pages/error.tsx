/**
 * The page a person gets instead of a problem+json answer on an HTML route:
 * an unknown story, report or outlet (404), a malformed address (400) or a
 * fault (500), said in Vietnamese, with a way back to the front page. The
 * API keeps answering problem+json. Pure.
 */
import { type PageContext, renderPage } from './layout.js'

export type ErrorKind = 'story' | 'article' | 'source' | 'bad-request' | 'fault'

const MESSAGES: Record<ErrorKind, { title: string; text: string }> = {
  story: { title: 'Không tìm thấy sự kiện', text: 'Không có sự kiện nào ở địa chỉ này. Sự kiện có thể đã được gộp vào một sự kiện khác, hoặc các bài của nó đã bị gỡ.' },
  article: { title: 'Không tìm thấy bài báo', text: 'Không có bài báo nào ở địa chỉ này. Bài có thể đã bị gỡ.' },
  source: { title: 'Không tìm thấy tờ báo', text: 'Chưa có bài nào của tờ báo này trên bantin.' },
  'bad-request': { title: 'Địa chỉ không hợp lệ', text: 'Địa chỉ này có phần không đọc được (có thể một liên kết đã bị cắt hoặc sửa).' },
  fault: { title: 'Đã có lỗi', text: 'Trang này tạm thời không hiển thị được. Mời thử lại sau ít phút.' },
}

/**
 * An error page's HTML.
 *
 * @example
 * renderErrorPage('story', '/stories/khong-co', { origin, now })
 */
export function renderErrorPage(kind: ErrorKind, path: string, context: PageContext): string {
  const message = MESSAGES[kind]
  return renderPage(
    { title: message.title, description: message.text, canonical: `${context.origin}${path}`, ogType: 'website', alternates: [] },
    <>
      <h1>{message.title}</h1>
      <p>{message.text}</p>
      <p>
        <a href="/">← Về trang tin mới nhất</a>
      </p>
    </>,
  )
}
