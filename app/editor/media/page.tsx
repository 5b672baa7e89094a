import type { Metadata } from "next";
import { MediaDeleteButton } from "@/components/editor/media-delete-button";
import { MediaTextForm } from "@/components/editor/media-text-form";
import { MediaUploadForm } from "@/components/editor/media-upload-form";
import { requireUser } from "@/lib/auth/guards";
import { listMedia } from "@/lib/data/media";

export const metadata: Metadata = { title: "媒体库", robots: { index: false } };

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  const user = await requireUser("/editor/media");
  const items = await listMedia(user, q);
  return (
    <>
      <h1>媒体库</h1>
      <h2>上传图片</h2>
      <MediaUploadForm />
      <h2>全部图片</h2>
      <form method="get" role="search" aria-label="搜索图片" className="filters">
        <label>
          按替代文字、说明或署名搜索
          <input type="search" name="q" defaultValue={q} />
        </label>
        <button className="button" type="submit">
          搜索
        </button>
      </form>
      {items.length === 0 ? <p>没有图片。</p> : null}
      <ul className="media-grid">
        {items.map((item) => (
          <li key={item.id}>
            <figure>
              {item.storageKey && item.width && item.height ? (
                // eslint-disable-next-line @next/next/no-img-element -- sizes are generated at upload by sharp and served by /media
                <img
                  src={`/media/${item.storageKey}`}
                  srcSet={[...item.variants.map((v) => `/media/${v.key} ${v.width}w`), `/media/${item.storageKey} ${item.width}w`].join(", ")}
                  sizes="(min-width: 48rem) 14rem, 100vw"
                  width={item.width}
                  height={item.height}
                  alt={item.alt}
                  loading="lazy"
                />
              ) : (
                <div className="photo-placeholder muted">（无文件）</div>
              )}
              <figcaption>
                <strong>{item.alt}</strong>
                {item.caption ? <> · {item.caption}</> : null}
                {item.credit ? <> · {item.credit}</> : null}
                <br />
                <span className="muted">
                  {item.uploadedByName} 上传{item.storageKey ? <> · 地址：<code>/media/{item.storageKey}</code></> : null}
                </span>
              </figcaption>
            </figure>
            <MediaTextForm id={item.id} alt={item.alt} caption={item.caption} credit={item.credit} />
            <MediaDeleteButton id={item.id} alt={item.alt} />
          </li>
        ))}
      </ul>
    </>
  );
}
