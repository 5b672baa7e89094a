import { CopyLinkButton } from "@/components/site/copy-link-button";

/**
 * Sharing without any third-party script: Weibo's share address, the story's own address shown in
 * full (so it can be copied by hand, or without JavaScript), and a copy button that enhances it.
 * WeChat has no share address for web pages: readers paste the link into a chat.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const weibo = `https://service.weibo.com/share/share.php?${new URLSearchParams({ url, title }).toString()}`;
  return (
    <section className="share" aria-label="分享这篇报道">
      <span>分享：</span>
      <a href={weibo} target="_blank" rel="noopener noreferrer">
        微博
      </a>
      <CopyLinkButton url={url} />
      <span className="share-url">
        链接：<a href={url}>{url}</a>
      </span>
      <span className="muted share-note">分享到微信：复制链接后发给好友或朋友圈。</span>
    </section>
  );
}
