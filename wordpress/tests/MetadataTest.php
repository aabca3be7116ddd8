<?php
/**
 * The plugin header, readme.txt and package.json agree, in the format wordpress.org reads.
 *
 * @package TherapistAttachmentArticle
 */

final class MetadataTest extends Therapist_Attachment_Article_Test_Case {

	private function plugin_dir() {
		return dirname( __DIR__ ) . '/therapist-attachment-article';
	}

	private function header() {
		return get_file_data(
			$this->plugin_dir() . '/therapist-attachment-article.php',
			array(
				'Name'        => 'Plugin Name',
				'Version'     => 'Version',
				'RequiresWP'  => 'Requires at least',
				'RequiresPHP' => 'Requires PHP',
				'License'     => 'License',
				'TextDomain'  => 'Text Domain',
			)
		);
	}

	private function readme() {
		return file_get_contents( $this->plugin_dir() . '/readme.txt' );
	}

	private function readme_field( $name ) {
		$this->assertSame( 1, preg_match( '/^' . preg_quote( $name, '/' ) . ':[ \t]*(.+)$/mi', $this->readme(), $match ), "readme.txt has $name" );
		return trim( $match[1] );
	}

	public function test_versions_agree() {
		$package = json_decode( file_get_contents( dirname( __DIR__, 2 ) . '/package.json' ), true );
		$version = $this->header()['Version'];
		$this->assertSame( $package['version'], $version, 'Plugin header and package.json' );
		$this->assertSame( $version, THERAPIST_ATTACHMENT_ARTICLE_VERSION );
		$this->assertSame( $version, $this->readme_field( 'Stable tag' ) );
		$this->assertStringContainsString( "= $version =", $this->readme(), 'Changelog entry' );
	}

	public function test_requirements_agree_and_start_at_wordpress_6_1() {
		$this->assertSame( '6.1', $this->header()['RequiresWP'] );
		$this->assertSame( '6.1', $this->readme_field( 'Requires at least' ) );
		$this->assertSame( $this->header()['RequiresPHP'], $this->readme_field( 'Requires PHP' ) );
		$this->assertTrue( version_compare( $this->readme_field( 'Tested up to' ), '6.1', '>=' ) );
	}

	public function test_is_gpl_and_names_its_text_domain_everywhere() {
		$this->assertSame( 'GPL-2.0-or-later', $this->header()['License'] );
		$this->assertSame( 'GPLv2 or later', $this->readme_field( 'License' ) );
		$this->assertSame( 'therapist-attachment-article', $this->header()['TextDomain'] );
		$metadata = wp_json_file_decode( $this->plugin_dir() . '/block/block.json', array( 'associative' => true ) );
		$this->assertSame( 'therapist-attachment-article', $metadata['textdomain'] );
	}

	public function test_readme_has_the_sections_wordpress_org_shows() {
		$readme = $this->readme();
		$this->assertMatchesRegularExpression( '/^=== Therapist Attachment Article ===$/m', $readme );
		foreach ( array( 'Contributors', 'Tags' ) as $field ) {
			$this->assertNotSame( '', $this->readme_field( $field ) );
		}
		$this->assertLessThanOrEqual( 5, count( explode( ',', $this->readme_field( 'Tags' ) ) ), 'wordpress.org shows 5 tags' );
		foreach ( array( 'Description', 'Installation', 'Frequently Asked Questions', 'Changelog' ) as $section ) {
			$this->assertMatchesRegularExpression( '/^== ' . preg_quote( $section, '/' ) . ' ==$/m', $readme );
		}
		$this->assertMatchesRegularExpression( '/^= Privacy =$/m', $readme );
		// wordpress.org cuts the short description at 150 characters.
		$lines = explode( "\n", $readme );
		$short = '';
		foreach ( $lines as $i => $line ) {
			if ( '' === trim( $line ) && $i > 0 ) {
				$short = trim( $lines[ $i + 1 ] );
				break;
			}
		}
		$this->assertNotSame( '', $short );
		$this->assertLessThanOrEqual( 150, strlen( $short ), "Short description: $short" );
	}

	public function test_every_php_file_refuses_to_run_outside_wordpress() {
		$files = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $this->plugin_dir() ) );
		$count = 0;
		foreach ( $files as $file ) {
			if ( 'php' === $file->getExtension() ) {
				$this->assertStringContainsString( "defined( 'ABSPATH' ) || exit;", file_get_contents( $file->getPathname() ), $file->getPathname() );
				++$count;
			}
		}
		$this->assertGreaterThanOrEqual( 5, $count );
	}
}
