<?php
/**
 * Shared helpers: rendering through WordPress and reading the result as a browser would, the
 * site's settings, and the post (and its author) whose content is rendered.
 *
 * @package TherapistAttachmentArticle
 */

use PHPUnit\Framework\TestCase;

// Core files that the trust rule needs (user_can() for the post's author: users and roles),
// beyond what load-wordpress.php loads. require_once: harmless if it loads them one day too.
foreach ( array( 'class-wp-roles.php', 'class-wp-role.php', 'class-wp-user.php', 'user.php' ) as $therapist_attachment_article_file ) {
	require_once ABSPATH . WPINC . '/' . $therapist_attachment_article_file;
}
unset( $therapist_attachment_article_file );

abstract class Therapist_Attachment_Article_Test_Case extends TestCase {

	/** Attributes the element may carry, and nothing else. */
	const ELEMENT_ATTRIBUTES = array( 'heading-level', 'cta-href', 'cta-label', 'cta-target', 'theme', 'form-action', 'form-encoding', 'layout', 'teaser-paragraphs', 'read-more-href', 'read-more-target' );

	/**
	 * The plugin's contact route as the element's `form-action`: a path on the site (the tests'
	 * site has plain permalinks). The element gets it unless the form is turned off.
	 */
	const FORM_ACTION = '/index.php?rest_route=/therapist-attachment-article/v1/contact';

	/** What the element carries besides its settings when nothing turns the form off. */
	const WITH_FORM = array(
		'form-action'   => self::FORM_ACTION,
		'form-encoding' => 'urlencoded',
	);

	const TITLE = 'Is it "Normal" to be Attached to your Therapist?';

	/** Users the tests' posts are written by: an Administrator and an Author, by id. */
	const ADMINISTRATOR = 7001;
	const AUTHOR        = 7002;

	/** @var WP_Scripts|null The registered scripts, as `init` left them. */
	private $scripts;

	/** @var array<int, array{0: string, 1: callable}> Filters added by this test, removed after it. */
	private $added_filters = array();

	protected function setUp(): void {
		// An empty script queue per test, as on a new page view; registrations stay.
		$this->scripts         = $GLOBALS['wp_scripts'];
		$GLOBALS['wp_scripts'] = clone $this->scripts;
	}

	protected function tearDown(): void {
		$GLOBALS['wp_scripts'] = $this->scripts;
		foreach ( array_reverse( $this->added_filters ) as $filter ) {
			remove_filter( $filter[0], $filter[1], 10 );
		}
		$this->added_filters = array();
		unset( $GLOBALS['post'] );
		if ( isset( $GLOBALS['wp_roles'] ) ) {
			unset( $GLOBALS['wp_roles'] );
			foreach ( array( self::ADMINISTRATOR, self::AUTHOR ) as $id ) {
				wp_cache_delete( $id, 'users' );
				wp_cache_delete( $id, 'user_meta' );
			}
		}
	}

	/**
	 * Adds a filter for this test only.
	 *
	 * @param string   $hook     Filter name.
	 * @param callable $callback Callback (10, with up to 3 arguments).
	 */
	protected function filter( $hook, $callback ) {
		add_filter( $hook, $callback, 10, 3 );
		$this->added_filters[] = array( $hook, $callback );
	}

	/**
	 * Sets the site's settings (the option Settings → Therapist Attachment Article saves) for
	 * this test. Keys: recipient, allowed_endpoints, keep_days, default_theme, default_cta_href.
	 *
	 * @param array $settings The saved option.
	 */
	protected function settings( $settings ) {
		$this->filter(
			'pre_option_therapist_attachment_article_settings',
			static function () use ( $settings ) {
				return $settings;
			}
		);
	}

	/**
	 * Makes the content being rendered a post by an Administrator (who has `unfiltered_html`)
	 * or by an Author (who has not), as WordPress's own roles define them: the post is the
	 * global `$post`, the user and the roles come from WordPress's object cache.
	 *
	 * @param int $author self::ADMINISTRATOR or self::AUTHOR.
	 */
	protected function post_by( $author ) {
		$roles = array(
			'administrator' => array(
				'name'         => 'Administrator',
				'capabilities' => array(
					'read'            => true,
					'edit_posts'      => true,
					'publish_posts'   => true,
					'edit_pages'      => true,
					'unfiltered_html' => true,
					'manage_options'  => true,
				),
			),
			'author'        => array(
				'name'         => 'Author',
				'capabilities' => array(
					'read'          => true,
					'edit_posts'    => true,
					'publish_posts' => true,
					'upload_files'  => true,
				),
			),
		);
		$this->filter(
			'pre_option_wp_user_roles',
			static function () use ( $roles ) {
				return $roles;
			}
		);
		unset( $GLOBALS['wp_roles'] );
		wp_roles(); // Read from the filter above, not the database.

		foreach ( array( self::ADMINISTRATOR => 'administrator', self::AUTHOR => 'author' ) as $id => $role ) {
			wp_cache_set(
				$id,
				(object) array(
					'ID'              => $id,
					'user_login'      => $role,
					'user_pass'       => '',
					'user_nicename'   => $role,
					'user_email'      => "$role@example.test",
					'user_url'        => '',
					'user_registered' => '2020-01-01 00:00:00',
					'user_status'     => '0',
					'display_name'    => ucfirst( $role ),
				),
				'users'
			);
			wp_cache_set( $id, array( 'wp_capabilities' => array( serialize( array( $role => true ) ) ) ), 'user_meta' );
		}
		$GLOBALS['post'] = new WP_Post(
			(object) array(
				'ID'          => 42,
				'post_author' => (string) $author,
				'post_type'   => 'post',
				'post_status' => 'publish',
				'filter'      => 'raw', // As WordPress caches it: get_post() returns it as is.
			)
		);
	}

	/**
	 * Parses HTML as a browser would and returns the one <therapist-attachment-article> in it.
	 *
	 * @param string $html Rendered HTML.
	 * @return DOMElement
	 */
	protected function element( $html ) {
		$elements = $this->elements( $html );
		$this->assertCount( 1, $elements, "Exactly one element expected in: $html" );
		return $elements[0];
	}

	/**
	 * @param string $html Rendered HTML.
	 * @return DOMElement[]
	 */
	protected function elements( $html ) {
		$document = $this->parse( $html );
		$found    = array();
		foreach ( $document->getElementsByTagName( 'therapist-attachment-article' ) as $element ) {
			$found[] = $element;
		}
		// Nothing else may come out of the shortcode or the block: no script, no stray tags.
		$this->assertSame( 0, $document->getElementsByTagName( 'script' )->length, "No <script> in: $html" );
		return $found;
	}

	/**
	 * @param string $html HTML of a page's body.
	 * @return DOMDocument
	 */
	protected function parse( $html ) {
		$document = new DOMDocument();
		$previous = libxml_use_internal_errors( true ); // libxml does not know custom elements.
		$document->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>', LIBXML_NOERROR );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		return $document;
	}

	/**
	 * The element's attributes as the browser sees them (entities decoded).
	 *
	 * @param DOMElement $element The element.
	 * @return array<string, string>
	 */
	protected function attributes( DOMElement $element ) {
		$attributes = array();
		foreach ( $element->attributes as $attribute ) {
			$attributes[ $attribute->name ] = $attribute->value;
		}
		return $attributes;
	}

	/**
	 * The element's declarative shadow root: its one child, an open `<template>`.
	 *
	 * @param DOMElement $element The element.
	 * @return DOMElement
	 */
	protected function shadow_root( DOMElement $element ) {
		$this->assertSame( 1, $element->childNodes->length, 'The element holds its shadow root only' );
		$template = $element->firstChild;
		$this->assertSame( 'template', $template->nodeName );
		$this->assertSame( 'open', $template->getAttribute( 'shadowrootmode' ) );
		return $template;
	}

	/**
	 * What a reader of the pre-rendered article sees, decoded: the title and its heading, the
	 * look, the paragraphs, and the call-to-action (`form`, or a `link` with href, target,
	 * rel and label).
	 *
	 * @param DOMElement $element The element.
	 * @return array<string, mixed>
	 */
	protected function article( DOMElement $element ) {
		$xpath    = new DOMXPath( $element->ownerDocument );
		$root     = $this->shadow_root( $element );
		$articles = $xpath->query( './/article', $root );
		$this->assertSame( 1, $articles->length, 'One <article> in the shadow root' );
		$article  = $articles->item( 0 );
		$headings = $xpath->query( './/*[@id="title"]', $article );
		$this->assertSame( 1, $headings->length, 'One title' );
		$view = array(
			'heading'    => $headings->item( 0 )->nodeName,
			'title'      => $headings->item( 0 )->textContent,
			'class'      => $article->getAttribute( 'class' ),
			'paragraphs' => array(),
		);
		foreach ( $xpath->query( './/*[@part="body"]//p[@part="paragraph"] | .//*[@part="cta"]/p[contains(@part, "cta-text")]', $article ) as $paragraph ) {
			$view['paragraphs'][] = $paragraph->textContent;
		}
		// The teaser: how many paragraphs show before "Continue reading", a button or a link.
		$read_more = $xpath->query( './/*[@part="read-more"]', $article );
		$this->assertLessThanOrEqual( 1, $read_more->length, 'At most one "Continue reading"' );
		$view['read_more'] = null;
		if ( $read_more->length ) {
			$control           = $read_more->item( 0 );
			$view['read_more'] = array(
				'tag'    => $control->nodeName,
				'href'   => 'a' === $control->nodeName ? $control->getAttribute( 'href' ) : null,
				'text'   => trim( $control->textContent ),
				'shown'  => $xpath->query( './/*[@class="body"]/p[@part="paragraph"]', $article )->length,
				'hidden' => $xpath->query( './/*[@class="more"]/p[@part="paragraph"]', $article )->length,
			);
		}
		$signatures        = $xpath->query( './/*[@part="signature"]', $article );
		$view['signature'] = $signatures->length ? $signatures->item( 0 )->textContent : null;

		$forms   = $xpath->query( './/form', $article );
		$buttons = $xpath->query( './/a[@part="cta-button"][not(ancestor::form)]', $article );
		$this->assertSame( 1, $forms->length + $buttons->length, 'Either the form or the button' );
		if ( $forms->length ) {
			$form = $forms->item( 0 );
			// A plain HTML form that posts itself to the element's form-action, never by GET.
			$this->assertSame( 'post', $form->getAttribute( 'method' ) );
			$this->assertSame( $element->getAttribute( 'form-action' ), $form->getAttribute( 'action' ) );
			$view['cta']  = 'form';
			$view['send'] = $xpath->query( './/button[@part="form-button"][@disabled]', $form )->length
				? 'needs JavaScript'
				: 'plain';
		} else {
			$link         = $buttons->item( 0 );
			$label        = '';
			$hidden_texts = array();
			foreach ( $link->childNodes as $child ) {
				if ( $child instanceof DOMElement && false !== strpos( $child->getAttribute( 'class' ), 'visually-hidden' ) ) {
					$hidden_texts[] = $child->textContent;
				} elseif ( ! $child instanceof DOMComment ) {
					$label .= $child->textContent;
				}
			}
			$view += array(
				'cta'    => 'link',
				'href'   => $link->getAttribute( 'href' ),
				'target' => $link->getAttribute( 'target' ),
				'rel'    => $link->getAttribute( 'rel' ),
				'label'  => $label,
				'hidden' => $hidden_texts,
			);
		}

		// Nothing in the shadow root runs script.
		foreach ( $xpath->query( './/*', $root ) as $node ) {
			$this->assertNotSame( 'script', $node->nodeName );
			foreach ( $node->attributes as $attribute ) {
				$this->assertDoesNotMatchRegularExpression( '/^on/i', $attribute->name, 'No event handler attributes' );
			}
		}
		return $view;
	}

	/**
	 * The article's text as its author wrote it: the title and the paragraphs (the call to
	 * action's too) of the plain article WordPress gives feeds, the generated `seo_markup`.
	 *
	 * @return array{title: string, paragraphs: string[], signature: string}
	 */
	protected function authors_text() {
		$document = $this->parse( therapist_attachment_article_structured_data()['seo_markup'] );
		$text     = array(
			'title'      => $document->getElementsByTagName( 'h2' )->item( 0 )->textContent,
			'paragraphs' => array(),
			'signature'  => $document->getElementsByTagName( 'footer' )->item( 0 )->textContent,
		);
		foreach ( $document->getElementsByTagName( 'p' ) as $paragraph ) {
			if ( 'footer' !== $paragraph->parentNode->nodeName ) {
				$text['paragraphs'][] = $paragraph->textContent;
			}
		}
		return $text;
	}

	/**
	 * Asserts the element carries only its own attributes (plus `class` for the block), that
	 * its shadow root is the article those attributes describe, and returns its attributes.
	 *
	 * @param string $html Rendered HTML.
	 * @return array<string, string>
	 */
	protected function render_checked( $html ) {
		$element    = $this->element( $html );
		$attributes = $this->attributes( $element );
		$unexpected = array_diff( array_keys( $attributes ), self::ELEMENT_ATTRIBUTES, array( 'class' ) );
		$this->assertSame( array(), array_values( $unexpected ), "Unexpected attributes in: $html" );
		foreach ( array( 'cta-href', 'read-more-href' ) as $url ) {
			if ( isset( $attributes[ $url ] ) ) {
				$this->assertSafeUrl( $attributes[ $url ] );
			}
		}
		if ( isset( $attributes['form-action'] ) ) {
			$this->assertSafeUrl( $attributes['form-action'] );
			$this->assertMatchesRegularExpression( '~^(https://[^/@]+(/|$)|/(?!/)|[^:/#]+($|[/?]))~i', $attributes['form-action'], 'https: or a path' );
		}
		$this->assertArticleFor( $attributes, $this->article( $element ) );
		return $attributes;
	}

	/**
	 * Asserts the pre-rendered article is what the element renders for these attributes.
	 *
	 * @param array<string, string> $attributes The element's attributes, decoded.
	 * @param array<string, mixed>  $article    From article().
	 */
	protected function assertArticleFor( $attributes, $article ) {
		$facts    = therapist_attachment_article_facts();
		$defaults = $facts['defaults'];
		$level    = isset( $attributes['heading-level'] ) ? (int) $attributes['heading-level'] : $defaults['heading_level'];
		$this->assertSame( "h$level", $article['heading'] );
		$this->assertSame( self::TITLE, $article['title'] );
		$this->assertSame( $facts['title'], $article['title'] );
		$teaser = isset( $attributes['layout'] ) && 'teaser' === $attributes['layout'];
		$this->assertSame( 'article theme-' . ( isset( $attributes['theme'] ) ? $attributes['theme'] : 'none' ) . ( $teaser ? ' closed' : '' ), $article['class'] );
		if ( $teaser ) {
			$shown = isset( $attributes['teaser-paragraphs'] ) ? (int) $attributes['teaser-paragraphs'] : $defaults['teaser_paragraphs'];
			$this->assertSame( $shown, $article['read_more']['shown'], 'The teaser’s paragraphs' );
			$this->assertSame( count( $this->authors_text()['paragraphs'] ) - 1 - $shown, $article['read_more']['hidden'], 'The rest, waiting' );
			$this->assertSame( 'Continue reading', $article['read_more']['text'] );
			if ( isset( $attributes['read-more-href'] ) ) {
				$this->assertSame( array( 'a', $attributes['read-more-href'] ), array( $article['read_more']['tag'], $article['read_more']['href'] ) );
				$this->assertSafeUrl( $article['read_more']['href'] );
			} else {
				$this->assertSame( 'summary', $article['read_more']['tag'] );
			}
		} else {
			$this->assertNull( $article['read_more'], 'The whole article: no "Continue reading"' );
		}
		$author = $this->authors_text();
		$this->assertSame( $author['paragraphs'], $article['paragraphs'], 'The article’s text, as written' );
		$this->assertSame( $facts['signature'], $article['signature'] );
		if ( isset( $attributes['form-action'] ) ) {
			$this->assertSame( 'form', $article['cta'] );
			return;
		}
		$this->assertSame( 'link', $article['cta'] );
		$target = isset( $attributes['cta-target'] ) ? $attributes['cta-target'] : $defaults['cta_target'];
		$this->assertSame( isset( $attributes['cta-href'] ) ? $attributes['cta-href'] : $defaults['cta_href'], $article['href'] );
		$this->assertSafeUrl( $article['href'] );
		$this->assertSame( isset( $attributes['cta-label'] ) ? $attributes['cta-label'] : $defaults['cta_label'], $article['label'] );
		$this->assertSame( $target, $article['target'] );
		if ( '_blank' === $target ) {
			$this->assertSame( 'noopener noreferrer', $article['rel'] );
			$this->assertSame( array( '(opens in a new tab)' ), $article['hidden'] );
		} else {
			$this->assertSame( '', $article['rel'] );
			$this->assertSame( array(), $article['hidden'] );
		}
	}

	/**
	 * Asserts a URL, as the browser would read it, has an allowed scheme or none.
	 *
	 * @param string $url Decoded attribute value.
	 */
	protected function assertSafeUrl( $url ) {
		// What a URL parser does first: drop leading/trailing C0 controls and spaces, tabs and newlines.
		$url = preg_replace( '/[\t\n\r]/', '', trim( $url, "\x00..\x20" ) );
		if ( preg_match( '/^([a-zA-Z][a-zA-Z0-9+.\-]*):/', $url, $match ) ) {
			$this->assertContains( strtolower( $match[1] ), array( 'http', 'https', 'mailto', 'tel' ), "Scheme of $url" );
		}
		$this->assertStringNotContainsStringIgnoringCase( 'javascript', $url );
	}

	/**
	 * Renders a shortcode the way WordPress renders post content.
	 *
	 * @param string $text Post text.
	 * @return string HTML.
	 */
	protected function shortcode( $text ) {
		return do_shortcode( $text );
	}

	/**
	 * Renders a saved block the way WordPress renders post content.
	 *
	 * @param array $attributes Block attributes.
	 * @return string HTML.
	 */
	protected function block( $attributes ) {
		$saved = serialize_block(
			array(
				'blockName'    => 'therapist-attachment-article/article',
				'attrs'        => $attributes,
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
		return do_blocks( $saved );
	}

	/**
	 * The script tags WordPress prints in the page footer.
	 *
	 * @return string HTML.
	 */
	protected function footer_scripts() {
		ob_start();
		wp_scripts()->do_footer_items();
		return ob_get_clean();
	}
}
