<?php
/**
 * Shared helpers: rendering through WordPress and reading the result as a browser would.
 *
 * @package TherapistAttachmentArticle
 */

use PHPUnit\Framework\TestCase;

abstract class Therapist_Attachment_Article_Test_Case extends TestCase {

	/** Attributes the element may carry, and nothing else. */
	const ELEMENT_ATTRIBUTES = array( 'heading-level', 'cta-href', 'cta-label', 'cta-target', 'theme', 'form-action', 'form-encoding' );

	/**
	 * The plugin's contact route as the element's `form-action`: a path on the site (the tests'
	 * site has plain permalinks). The element gets it unless the form is turned off.
	 */
	const FORM_ACTION = '/index.php?rest_route=/therapist-attachment-article/v1/contact';

	/** What the element carries besides its settings when nothing turns the form off. */
	const WITH_FORM = array( 'form-action' => self::FORM_ACTION );

	const TITLE = 'Is it "Normal" to be Attached to your Therapist?';

	/** @var WP_Scripts|null The registered scripts, as `init` left them. */
	private $scripts;

	protected function setUp(): void {
		// An empty script queue per test, as on a new page view; registrations stay.
		$this->scripts         = $GLOBALS['wp_scripts'];
		$GLOBALS['wp_scripts'] = clone $this->scripts;
	}

	protected function tearDown(): void {
		$GLOBALS['wp_scripts'] = $this->scripts;
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
		$document = new DOMDocument();
		$previous = libxml_use_internal_errors( true ); // libxml does not know custom elements.
		$document->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>', LIBXML_NOERROR );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$found = array();
		foreach ( $document->getElementsByTagName( 'therapist-attachment-article' ) as $element ) {
			$found[] = $element;
		}
		// Nothing else may come out of the shortcode or the block: no script, no stray tags.
		$this->assertSame( 0, $document->getElementsByTagName( 'script' )->length, "No <script> in: $html" );
		return $found;
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
	 * Asserts the element carries only its own attributes (plus `class` for the block), that
	 * its content is the plain-text fallback, and returns its attributes.
	 *
	 * @param string $html Rendered HTML.
	 * @return array<string, string>
	 */
	protected function render_checked( $html ) {
		$element    = $this->element( $html );
		$attributes = $this->attributes( $element );
		$unexpected = array_diff( array_keys( $attributes ), self::ELEMENT_ATTRIBUTES, array( 'class' ) );
		$this->assertSame( array(), array_values( $unexpected ), "Unexpected attributes in: $html" );
		$this->assertSame( self::TITLE, $element->textContent );
		$this->assertSame( 1, $element->childNodes->length, 'The fallback is one element' );
		$this->assertSame( 'span', $element->firstChild->nodeName );
		$this->assertSame( 0, $element->firstChild->attributes->length );
		if ( isset( $attributes['cta-href'] ) ) {
			$this->assertSafeUrl( $attributes['cta-href'] );
		}
		if ( isset( $attributes['form-action'] ) ) {
			$this->assertSafeUrl( $attributes['form-action'] );
			$this->assertMatchesRegularExpression( '~^(https://[^/@]+(/|$)|/(?!/)|[^:/#]+($|[/?]))~i', $attributes['form-action'], 'https: or a path' );
		}
		return $attributes;
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
