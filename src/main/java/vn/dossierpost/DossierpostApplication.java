package vn.dossierpost; public class DossierpostApplication { public static void main(String[] a){} }
